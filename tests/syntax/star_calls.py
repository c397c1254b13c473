# * and ** unpacking in calls and displays
def f(*args, **kw):
    return args, kw
print(f(*[1, 2], *(3,), 4, *range(2)))
print(f(**{'a': 1}, b=2, **{'c': 3}))
print(f(1, *'ab', x=1, **{'y': 2}))
print([*range(3), *'ab', 9], (*[1], 2), {*[1, 2], *(2, 3)} == {1, 2, 3})
print({**{'a': 1}, **{'b': 2}, 'a': 0})
args = (1, 2)
print(max(*args), '-'.join([*map(str, args)]))
def g(a, b, c=0, *, d=1):
    return a, b, c, d
print(g(*[1, 2]), g(1, *[2, 3]), g(**{'a': 1, 'b': 2, 'd': 5}))
try:
    f(**{'a': 1}, **{'a': 2})
except TypeError as e:
    print(str(e).replace('__main__.', ''))
try:
    f(*5)
except TypeError as e:
    print(str(e).replace('__main__.', ''))
try:
    f(**[1])
except TypeError as e:
    print(str(e).replace('__main__.', ''))
