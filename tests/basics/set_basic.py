# set and frozenset
s = {3, 1, 2}
s.add(4)
s.add(1)
s.discard(10)
s.remove(3)
print(sorted(s), len(s), 1 in s, 3 in s, set(), set([1, 1, 2]) == {1, 2})
a, b = {1, 2, 3}, {2, 3, 4}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union(b)), sorted(a.intersection(b)), sorted(a.difference(b)), sorted(a.symmetric_difference(b)))
print({1, 2} <= a, {1, 2} < a, a >= {1}, a.issubset(b), a.isdisjoint({9}), a.issuperset({1, 2}))
c = set(a)
c |= {9}
c &= {1, 9, 2}
c -= {1}
print(sorted(c))
c.update([7, 8], (6,))
print(sorted(c), c.pop() in {2, 6, 7, 8, 9}, len(c))
f = frozenset([1, 2])
print(f, f | {3}, type(f | {3}).__name__, hash(f) == hash(frozenset([2, 1])), {f: 1}[frozenset([1, 2])])
print(set(), frozenset(), {1}, {(1, 2)})
try:
    s.remove(99)
except KeyError as e:
    print('KeyError', e)
try:
    {[]}
except TypeError as e:
    print(e)
try:
    f.add(1)
except AttributeError as e:
    print(e)
