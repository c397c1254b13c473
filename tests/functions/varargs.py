# *args and **kwargs
def f(*args):
    return args
print(f(), f(1), f(1, 2, 3), type(f()).__name__)
def g(a, *rest, **kw):
    return a, rest, kw
print(g(1), g(1, 2, 3), g(1, x=2), g(1, 2, y=3, z=4))
def h(**kw):
    return sorted(kw.items())
print(h(b=1, a=2), h())
def order(**kw):
    return list(kw)
print(order(z=1, a=2, m=3))
def total(*nums, start=0):
    return start + sum(nums)
print(total(1, 2, 3), total(1, start=10))
