# set operators | & - ^ and method equivalents
a = {1, 2, 3}; b = {3, 4}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union(b, [9])), sorted(a.intersection(b, [3])), sorted(a.difference(b, [1])), sorted(a.symmetric_difference([3, 5])))
try:
    a | [1]
except TypeError as e:
    print(type(e).__name__, e)
