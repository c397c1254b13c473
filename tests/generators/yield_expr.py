# yield as an expression in various positions
def g():
    x = yield
    y = (yield x) + 1
    z = [(yield), (yield)]
    yield x, y, z
it = g()
next(it)
print(it.send('X'))
it.send(10)
it.send('a')
print(it.send('b'))
def h():
    print((yield 1), (yield 2))
it = h()
print(next(it), it.send('s1'))
try:
    it.send('s2')
except StopIteration:
    print('done')
