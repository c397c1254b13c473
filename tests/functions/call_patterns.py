# many call shapes against one signature
def f(a, b=2, /, c=3, *args, d, e=5, **kw):
    return (a, b, c, args, d, e, kw)
print(f(1, d=4))
print(f(1, 20, 30, 40, 50, d=4, z=9))
print(f(1, c=30, d=4, e=6))
print(f(*[1, 2, 3], **{'d': 4, 'q': 0}))
print(f(1, 2, 3, *(4,), d=4, **{'e': 0}))
try:
    f(1, 2, 3)
except TypeError as e:
    print(str(e).replace('__main__.', ''))
