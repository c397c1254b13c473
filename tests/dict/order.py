# insertion order preserved across delete and reinsert
d = {}
for k in 'hello world':
    d[k] = d.get(k, 0) + 1
print(d)
del d['l']; d['l'] = 0
print(list(d), list(d.values())[-1])
