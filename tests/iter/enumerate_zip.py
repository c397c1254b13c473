# enumerate with start, zip with many iterables
print(list(enumerate('ab', 10)), list(zip(range(3), 'abc', [True] * 3)))
e = enumerate([5, 6]); print(next(e), next(e))
try:
    next(e)
except StopIteration:
    print('stop')
