# yield from: delegation, return values, send/throw forwarding
def inner():
    x = yield 'i1'
    print('inner got', x)
    yield 'i2'
    return 'inner-result'
def outer():
    r = yield from inner()
    print('outer got', r)
    yield 'o1'
g = outer()
print(next(g))
print(g.send('hello'))
print(next(g))
print(next(g, 'end'))
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], 'ab', range(2), (x for x in [9]))))
def catcher():
    try:
        yield 1
    except KeyError:
        yield 'inner caught'
def deleg():
    yield from catcher()
d = deleg()
next(d)
print(d.throw(KeyError))
def tree(n):
    if n:
        yield from tree(n - 1)
        yield n
        yield from tree(n - 1)
print(list(tree(3)))
