# generator send
def acc():
    total = 0
    while True:
        x = yield total
        if x is None:
            break
        total += x
g = acc()
print(g.send(None), g.send(5), g.send(10), next(g, 'done') if False else g.send(1))
try:
    g.send(None)
except StopIteration:
    print('stopped')
def echo():
    r = yield 'first'
    while True:
        r = yield 'got %r' % (r,)
e = echo()
print(next(e), e.send('a'), e.send([1]), next(e))
try:
    echo().send(5)
except TypeError as err:
    print(err)
