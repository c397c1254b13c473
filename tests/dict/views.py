# keys/items views: len, in, iteration, set operations
d = {'a': 1, 'b': 2, 'c': 3}
k = d.keys()
print(len(k), 'a' in k, sorted(k & {'a', 'z'}), sorted(k | {'z'}), sorted(k - {'a'}), sorted(k ^ {'a', 'q'}))
i = d.items()
print(('a', 1) in i, ('a', 2) in i, sorted(i & {('b', 2)}), len(d.values()), 3 in d.values())
d['d'] = 4
print(list(k), list(d.values()))
