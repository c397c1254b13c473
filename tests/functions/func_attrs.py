# function objects: attributes, first-class use
def f(a, b=1):
    """doc"""
    return a
print(f.__name__, f.__doc__, f.__defaults__, callable(f), type(f).__name__)
f.custom = 42
print(f.custom)
g = f
print(g(5), g is f)
funcs = {'neg': lambda x: -x, 'sq': lambda x: x * x}
print(funcs['neg'](3), funcs['sq'](3))
def apply(fn, *a):
    return fn(*a)
print(apply(max, 3, 7), apply(f, 9))
print(f.__qualname__)
class C:
    def m(self): pass
print(C.m.__qualname__, C.m.__name__)
