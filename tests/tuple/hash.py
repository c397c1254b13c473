# equal tuples hash equal; tuples with lists are unhashable
print(hash((1, 2)) == hash((1, 2)), hash((1, (2, 3))) == hash((1.0, (2, 3.0))), {(1, 2): 'x'}[(1, 2)])
try:
    hash((1, [2]))
except TypeError as e:
    print(type(e).__name__, e)
