# print of many value kinds, nested containers and large outputs
print(1, 1.0, 'one', b'one', [1], (1,), {1: 'one'}, {1}, None, True, range(1), ...)
print([[1, [2, [3, [4]]]], {'a': {'b': (1, [2])}}])
print('x' * 200)
for i in range(50):
    print(i, end=',' if i < 49 else '\n')
print(*range(30))
