# set/frozenset mixtures and equality
a = {1, 2}; f = frozenset({2, 3})
print(sorted(a & f), type(a & f).__name__, type(f & a).__name__, type(f - a).__name__, a == frozenset(a), f <= {2, 3, 4})
