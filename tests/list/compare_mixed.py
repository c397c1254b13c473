# list comparison with mixed types
print([1, 2.0] == [1.0, 2], [1, 'a'] == [1, 'a'], [1, [2]] < [1, [3]])
try:
    [1, 'a'] < [1, 2]
except TypeError as e:
    print(type(e).__name__, e)
