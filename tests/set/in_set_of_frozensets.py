# a set is found in a set of frozensets
s = {frozenset({1, 2}), frozenset()}
print({1, 2} in s, set() in s, {3} in s)
