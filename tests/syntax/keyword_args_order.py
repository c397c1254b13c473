# evaluation order of arguments: positionals, then keywords, left to right
log = []
def v(x):
    log.append(x)
    return x
def f(*a, **k):
    return a, k
print(f(v(1), v(2), k=v(3), *[v(4)], j=v(5)))
print(log)
log.clear()
d = {v('k1'): v('v1'), v('k2'): v('v2')}
print(log)
log.clear()
v('a')[0] if False else None
x = [v(1), v(2)][v(0)]
print(log, x)
