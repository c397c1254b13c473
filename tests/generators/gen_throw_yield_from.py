# throw() through yield from: handled inside, or propagating out
def inner():
    try:
        yield 'a'
    except ValueError:
        yield 'inner handled'
    yield 'after'
def outer():
    try:
        yield from inner()
    except KeyError:
        yield 'outer handled'
g = outer()
print(next(g), g.throw(ValueError), next(g))
g = outer()
next(g)
print(g.throw(KeyError))
g = outer()
next(g)
try:
    g.throw(TypeError('out'))
except TypeError as e:
    print('propagated', e)
