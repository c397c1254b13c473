# frozenset: hashable, immutable, mixed ops return left type
f = frozenset([1, 2])
print(sorted(f), f == {1, 2}, {f: 'x'}[frozenset({2, 1})], type(f | {3}).__name__, type({3} | f).__name__)
print(hash(frozenset()) == hash(frozenset()), frozenset(), frozenset(f) is f or True)
try:
    f.add(3)
except AttributeError as e:
    print(type(e).__name__)
