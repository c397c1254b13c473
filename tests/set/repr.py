# repr of sets with deterministic (int) order
print({1}, set(), frozenset({2}), {(1, 2)}, repr(set()))
s = set(); print(s == frozenset())
