# + and * on tuples
print((1,) + (2,), (1, 2) * 2, () * 3, 2 * (0,))
try:
    (1,) + [2]
except TypeError as e:
    print(type(e).__name__, e)
