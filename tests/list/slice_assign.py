# slice assignment, extended slices, deletion
l = list(range(10))
l[2:5] = ['a']; print(l)
l[1:1] = [7, 8]; print(l)
l[::2] = [0] * len(l[::2]); print(l)
del l[::3]; print(l)
del l[1:3]; print(l)
l[:] = 'xyz'; print(l)
try:
    l[::2] = [1, 2, 3]
except ValueError as e:
    print(type(e).__name__, e)
