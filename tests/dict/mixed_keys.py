# int/float/bool keys merge, tuples and frozensets as keys
d = {1: 'int', 2.5: 'float', (1, 2): 'tuple', frozenset({1}): 'fs', None: 'none'}
print(d[1.0], d[True], d[2.5], d[(1, 2)], d[frozenset([1])], d[None])
