# subset/superset/disjoint and comparison operators
a = {1, 2}; b = {1, 2, 3}
print(a < b, a <= b, b > a, a >= a, a < a, a == {2, 1}, a != b)
print(a.issubset(b), b.issuperset([1]), a.isdisjoint({5}), a.isdisjoint([2]), a.issubset([1, 2]))
