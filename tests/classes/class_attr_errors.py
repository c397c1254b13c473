# attribute errors on classes and instances
class A:
    x = 1
a = A()
for f in [lambda: a.y, lambda: A.y, lambda: (1).foo, lambda: None.bar, lambda: [].nope, lambda: A.x.y]:
    try:
        f()
    except AttributeError as e:
        print(e)
try:
    delattr(a, 'x')
except AttributeError as e:
    print(e)
try:
    (5).real = 3
except AttributeError as e:
    print(type(e).__name__)
try:
    int.foo = 1
except TypeError as e:
    print(type(e).__name__)
