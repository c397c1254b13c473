# str error cases
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: 'abc'[3])
t(lambda: 'abc'['x'])
t(lambda: 'a' * 'b')
t(lambda: 'a' + None)
t(lambda: 'abc'.foo)
t(lambda: '%d' % 'x')
t(lambda: 'a'.join([1, 2]))
t(lambda: ''.split(''))
t(lambda: ord('ab'))
t(lambda: chr(-1))
t(lambda: b'\xff'.decode())
t(lambda: 'a' < 1)
def setitem():
    s = 'abc'
    s[0] = 'x'
t(setitem)
