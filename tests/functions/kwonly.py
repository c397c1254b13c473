# keyword-only arguments
def f(a, *, b, c=3):
    return a, b, c
print(f(1, b=2), f(1, c=4, b=5), f(a=1, b=2))
def g(*args, key, **kw):
    return args, key, kw
print(g(1, 2, key='k', x=1))
for call in [lambda: f(1, 2), lambda: f(1), lambda: g(1)]:
    try:
        call()
    except TypeError as e:
        print(str(e).replace('__main__.', ''))
