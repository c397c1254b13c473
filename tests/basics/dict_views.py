# dict views
d = {'a': 1, 'b': 2, 'c': 3}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i)
d['d'] = 4
print(len(k), list(v), ('d', 4) in i, 'a' in k, 5 in v)
print(sorted(k - {'a'}), sorted(k & {'a', 'z'}), sorted(k | {'z'}))
print(list(reversed(d)), list(reversed(d.values())))
print(d.keys() == {'a', 'b', 'c', 'd'})
