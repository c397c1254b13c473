# frozenset operations return frozensets and hash consistently
a = frozenset('ab'); b = frozenset('bc')
c = a ^ b
print(sorted(c), type(c).__name__, hash(c) == hash(frozenset('ca')), a.copy() == a)
