# allocate many short-lived objects across collections; everything reachable survives
import gc
keep = []
for i in range(3000):
    tmp = [str(i)] * 5
    if i % 100 == 0:
        keep.append({'i': i, 'l': tmp, 't': (i, str(i))})
    if i % 1000 == 0:
        gc.collect()
gc.collect()
print(len(keep), keep[5]['i'], keep[-1]['t'], sum(len(k['l']) for k in keep))
s = ''
for i in range(500):
    s += str(i % 10)
print(len(s), s[-10:])
d = {}
for i in range(2000):
    d['k' + str(i)] = i
    if i % 3:
        del d['k' + str(i)]
gc.collect()
print(len(d), d['k1998'])
