# integer operation errors
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: 1 // 0)
t(lambda: 1 % 0)
t(lambda: 1 / 0)
t(lambda: divmod(1, 0))
t(lambda: 1 << -1)
t(lambda: 1 >> -1)
t(lambda: 1 + 'a')
t(lambda: 'a' + 1)
t(lambda: 1 - None)
t(lambda: -'x')
t(lambda: ~1.5)
t(lambda: 2 ** -1)
t(lambda: 0 ** -1)
