# is / is not with singletons, small ints and interned results
print(None is None, True is True, ... is ...)
a = 256
b = 256
print(a is b, a == b)
print(type(1) is int, type('') is str, type([]) is list, type(None) is type(None))
x = []
y = x
print(x is y, [] is [], () == ())
def f(): pass
g = f
print(f is g, f == g)
print(id(x) == id(y), id(x) != id([]), type(id(x)).__name__)
