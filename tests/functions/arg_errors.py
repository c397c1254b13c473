# argument binding errors, CPython wording
def f(a, b, c=1):
    pass
def g(*, k):
    pass
def h():
    pass
def t(fn):
    try:
        fn()
    except TypeError as e:
        print(str(e).replace('__main__.', ''))
t(lambda: f())
t(lambda: f(1))
t(lambda: f(1, 2, 3, 4))
t(lambda: f(1, 2, d=5))
t(lambda: f(1, 2, a=3))
t(lambda: g())
t(lambda: g(1))
t(lambda: h(1))
t(lambda: h(x=1))
def one(x): pass
t(lambda: one())
t(lambda: len())
t(lambda: len(1, 2))
t(lambda: f(1, 2, 3, 4, 5))
