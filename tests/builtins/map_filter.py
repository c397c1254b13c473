# map and filter
print(list(map(abs, [-1, 2, -3])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))
print(list(map(str, range(3))), list(map(pow, [2, 3], [3, 2])))
print(list(filter(None, [0, 1, '', 'a', None, [], [0]])), list(filter(lambda x: x % 2, range(10))))
m = map(int, '123')
print(next(m), list(m), list(m))
f = filter(str.isupper, 'aBcD')
print(''.join(f))
print(type(map(abs, [])).__name__, type(filter(None, [])).__name__)
try:
    list(map(int, ['1', 'x']))
except ValueError as e:
    print(e)
