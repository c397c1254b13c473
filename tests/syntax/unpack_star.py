# starred assignment targets
a, *b = [1, 2, 3]
print(a, b)
*a, b = 'xyz'
print(a, b)
a, *b, c = range(5)
print(a, b, c)
a, *b, c = 1, 2
print(a, b, c)
[a, *b] = (1,)
print(a, b)
(a, b), *c = (1, 2), 3, 4
print(a, b, c)
for first, *rest in [(1, 2, 3), (4,)]:
    print(first, rest)
*a, = [7, 8]
print(a)
try:
    a, *b, c = [1]
except ValueError as e:
    print(e)
