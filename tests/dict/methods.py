# get setdefault pop popitem update clear copy keys values items
d = {'a': 1, 'b': 2}
print(d.get('a'), d.get('z'), d.get('z', 0), d.setdefault('c', 3), d.setdefault('a', 9), d)
print(d.pop('a'), d.pop('z', None), d.popitem(), d)
d.update({'x': 1}, y=2); d.update([('z', 3)]); print(d)
e = d.copy(); d.clear(); print(d, e)
