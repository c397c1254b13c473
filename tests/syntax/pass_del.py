# pass and del of names, attributes, subscripts, slices, tuples of targets
def f():
    pass
class C:
    pass
print(f(), C.__name__)
x = 1
del x
try:
    x
except NameError as e:
    print(e)
o = C()
o.a = 1
del o.a
print(hasattr(o, 'a'))
lst = [0, 1, 2, 3, 4]
del lst[0], lst[-1]
print(lst)
del lst[:]
print(lst)
d = {'a': 1, 'b': 2}
del d['a']
print(d)
a, b = 1, 2
del (a, b)
try:
    print(a)
except NameError as e:
    print(e)
try:
    del o.nothing
except AttributeError as e:
    print(e)
def g():
    y = 1
    del y
    return y
try:
    g()
except UnboundLocalError as e:
    print(type(e).__name__, e)
