# copy is shallow; dict(d) too
d = {'l': [1]}
c = d.copy(); e = dict(d)
d['l'].append(2); d['n'] = 0
print(c, e, d)
