# attribute and subscript assignment targets
class O: pass
o = O()
o.a = 1
o.b = o.c = [0, 0]
o.b[0] = 5
print(o.a, o.c)
m = [[0] * 3 for _ in range(3)]
m[1][2] = 7
m[0][:2] = [1, 1]
print(m)
d = {}
d['x'] = d['y'] = 1
d[1, 2] = 'tuple key'
print(d)
o.d = {}
o.d['k'] = [1, 2, 3]
o.d['k'][1:] = []
print(o.d)
(o.p, o.q), d['z'] = (1, 2), 3
print(o.p, o.q, d['z'])
