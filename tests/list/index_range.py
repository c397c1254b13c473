# list.index with start/stop including negatives
l = [1, 2, 1, 2, 1]
print(l.index(1, 1), l.index(1, -2), l.index(2, -4, -1))
try:
    l.index(2, 4)
except ValueError as e:
    print(type(e).__name__, e)
