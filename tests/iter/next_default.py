# next with default; iter of non-iterable
it = iter([1])
print(next(it), next(it, 'done'))
try:
    iter(5)
except TypeError as e:
    print(type(e).__name__, e)
