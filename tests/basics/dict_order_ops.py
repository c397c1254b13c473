# dict ordering is kept through deletes, re-inserts, updates and copies
d = {}
for k in 'dbca':
    d[k] = ord(k)
del d['b']
d['b'] = 0
d['d'] = 100
print(list(d), list(d.copy()), list(dict(d)), list({**d}), list(reversed(d)))
d.update(a=1, z=2)
print(d)
print(dict(sorted(d.items())), dict(sorted(d.items(), key=lambda kv: kv[1])))
