# next() on a generator keeps its return value in StopIteration; defaults still win
def g():
    yield 1
    return [1, 2]
it = g()
print(next(it))
try:
    next(it)
except StopIteration as e:
    print('value', e.value, e.args)
try:
    next(it)
except StopIteration as e:
    print('again', e.value, e.args)
def h():
    return 'x'
    yield
print(next(h(), 'default'))
def none_ret():
    return None
    yield
try:
    next(none_ret())
except StopIteration as e:
    print(repr(e.value), e.args)
def tup():
    return (1, 2)
    yield
try:
    next(tup())
except StopIteration as e:
    print(e.value, e.args)
def outer():
    r = yield from g()
    print('delegated', r)
    return r
o = outer()
next(o)
try:
    next(o)
except StopIteration as e:
    print('outer', e.value)
it = iter([1])
next(it)
try:
    next(it)
except StopIteration as e:
    print('list iter', e.value, e.args)
