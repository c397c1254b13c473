# sort type errors and mutation detection
try:
    [1, 'a'].sort()
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted([1, 2], 1)
except TypeError as e:
    print(type(e).__name__)
