# generator throw
def g():
    while True:
        try:
            yield 'normal'
        except ValueError as e:
            yield 'caught %s' % e
gen = g()
print(next(gen), gen.throw(ValueError('boom')), next(gen))
try:
    gen.throw(KeyError('k'))
except KeyError as e:
    print('propagated', repr(e))
print(next(gen, 'exhausted'))
def h():
    yield 1
try:
    h().throw(RuntimeError('before start'))
except RuntimeError as e:
    print('unstarted', e)
def fin():
    try:
        yield 1
    finally:
        print('cleanup')
f = fin()
next(f)
try:
    f.throw(TypeError)
except TypeError as e:
    print('TypeError type thrown', repr(e))
