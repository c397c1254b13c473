# dict everyday operations; insertion order
d = {'a': 1, 'b': 2}
d['c'] = 3
d['a'] = 10
print(d, len(d), d['b'], d.get('z'), d.get('z', 0), 'a' in d, 'z' not in d)
print(list(d), list(d.keys()), list(d.values()), list(d.items()))
del d['b']
print(d)
d['b'] = 20
print(d)
print(d.pop('a'), d.pop('zz', 'dflt'), d.setdefault('q', 5), d.setdefault('q', 6), d)
d.update({'x': 1}, y=2)
d.update([('z', 3)])
print(d)
print(d.popitem(), d)
e = d.copy()
e.clear()
print(e, d == dict(d), {1: 2} == {1: 2.0}, dict.fromkeys('ab', 0))
print(dict(a=1, b=2), dict([(1, 2), (3, 4)]), dict({'k': 'v'}, w=1))
print({**{'a': 1}, 'b': 2, **{'a': 3}})
print(d | {'new': 0})
for k, v in {'one': 1, 'two': 2}.items():
    print(k, v)
