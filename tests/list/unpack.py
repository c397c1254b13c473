# starred unpacking from lists
a, *b, c = [1, 2, 3, 4]
print(a, b, c, [*range(3), *'ab'])
try:
    x, y = [1, 2, 3]
except ValueError as e:
    print(type(e).__name__, e)
try:
    x, y, z = [1, 2]
except ValueError as e:
    print(type(e).__name__, e)
