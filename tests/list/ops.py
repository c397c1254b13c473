# + * += *= in ==, comparisons
a = [1, 2]
print(a + [3], a * 2, 2 * a, [] * 5, a * -1, 2 in a, 5 not in a, a == [1, 2], a < [1, 3], [1, 2] < [1, 2, 0], [] < [0])
b = a; b += [3]; print(a, a is b)
b *= 2; print(a)
try:
    a + (1,)
except TypeError as e:
    print(type(e).__name__, e)
