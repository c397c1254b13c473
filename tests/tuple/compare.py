# lexicographic comparison
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), () < (0,), (1, 'a') == (1, 'a'), (2,) > (1, 9), (1, 2) == (1.0, 2.0))
try:
    (1, 'a') < (1, 2)
except TypeError as e:
    print(type(e).__name__, e)
