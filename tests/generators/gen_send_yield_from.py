# send() goes through yield from to the innermost generator; its return comes back
def averager():
    total = count = 0
    while True:
        v = yield
        if v is None:
            return total / count
        total += v
        count += 1
def grouper(results, key):
    while True:
        results[key] = yield from averager()
results = {}
for key, vals in [('a', [1, 2, 3]), ('b', [10, 20])]:
    g = grouper(results, key)
    next(g)
    for v in vals:
        g.send(v)
    g.send(None)
print(results)
