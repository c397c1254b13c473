# the same nan object finds itself as a key
n = float('nan')
d = {n: 1}
print(d[n], len({n: 1, float('nan'): 2}))
