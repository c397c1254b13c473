# zip with strict
print(list(zip([1, 2], 'ab')), list(zip([1, 2], 'abc')), list(zip()))
try:
    list(zip([1, 2], 'abc', strict=True))
except ValueError as e:
    print(type(e).__name__, e)
try:
    list(zip([1, 2, 3], 'ab', strict=True))
except ValueError as e:
    print(type(e).__name__, e)
print(list(zip([1], [2], strict=True)))
