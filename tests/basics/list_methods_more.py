# more list behaviour: aliasing, nested mutation, equality of nested, index ranges
a = [[0] * 2] * 2
a[0][0] = 1
print(a)
b = [[0] * 2 for _ in range(2)]
b[0][0] = 1
print(b)
l = list('abcabc')
print(l.index('b', 2), l.index('c', 0, 3), l.count('a'))
try:
    l.index('a', 4)
except ValueError as e:
    print(e)
l.extend(range(2))
l.extend('xy')
l.extend((9,))
print(l, l[-3:])
print([1, [2, 3]] == [1, [2, 3]], [1, 2] != [1, 2.0], [float('nan')] == [float('nan')])
