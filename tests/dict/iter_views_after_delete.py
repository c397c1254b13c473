# views are live
d = dict.fromkeys(range(5))
k = d.keys()
del d[2]
print(list(k), len(k))
