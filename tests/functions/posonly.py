# positional-only parameters
def f(a, b, /, c, *, d=4):
    return a, b, c, d
print(f(1, 2, 3), f(1, 2, c=3), f(1, 2, 3, d=5))
def g(a, /, **kw):
    return a, kw
print(g(1, a=2))
try:
    f(1, b=2, c=3)
except TypeError as e:
    print(str(e).replace('__main__.', ''))
def h(x=1, /, y=2):
    return x, y
print(h(), h(5), h(5, 6), h(y=7))
