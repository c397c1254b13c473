# globals() and locals()
g = globals()
print(type(g).__name__, g['__name__'], 'g' in g)
g['injected'] = 'via globals'
print(injected)
def f(a, b=2):
    c = 3
    return sorted(locals().items())
print(f(1))
def g2():
    x = 1
    l = locals()
    l['x'] = 99
    return x
print(g2())
print(locals() is globals())
class C:
    y = 5
    names = sorted(k for k in locals() if not k.startswith('__'))
print(C.names)
