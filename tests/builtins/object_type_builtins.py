# type, object, classmethod, staticmethod, property as plain callables
def getter(self): return 'prop value'
class C:
    p = property(getter)
    s = staticmethod(lambda: 'static')
    c = classmethod(lambda cls: cls.__name__)
print(C().p, C.s(), C.c(), C().c())
print(type(C.__dict__['s']).__name__, type(C.__dict__['c']).__name__, type(C.__dict__['p']).__name__)
print(type(object()).__name__, type(type(1)).__name__)
