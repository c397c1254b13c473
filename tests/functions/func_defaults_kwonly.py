# defaults on keyword-only args, __kwdefaults__, mutation of defaults tuple contents
def f(a, b=[], *, c={}, d=1):
    b.append(a)
    c[a] = d
    return b, c
print(f(1), f(2, d=5))
print(f.__kwdefaults__ if f.__kwdefaults__ is None else sorted(f.__kwdefaults__))
