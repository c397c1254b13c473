# assorted runtime error messages compared with CPython's
def t(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ':', e)
t(lambda: [1, 2, 3][10])
t(lambda: (1, 2)[5])
t(lambda: 'x'.nope)
t(lambda: None())
t(lambda: 5[0])
t(lambda: {}[[]])
t(lambda: int('x'))
t(lambda: [].pop())
t(lambda: {1}.remove(2))
t(lambda: 1 < 'a')
t(lambda: -None)
t(lambda: len(None))
t(lambda: iter(1))
t(lambda: next(iter([])))
def nullary(): pass
t(lambda: nullary(1))
t(lambda: 'abc'.index('z'))
t(lambda: [1].index(5))
t(lambda: float('x'))
t(lambda: 2 ** 0.5 // 0)
t(lambda: 'a' * -1 + 5)
