# repr of nested and recursive dicts
d = {'a': [1, {'b': (2,)}], 3: 'x'}
print(d)
d['self'] = d
print(d)
