# static and class methods called via instance, class, subclass, and stored references
class A:
    @staticmethod
    def s(x): return ('s', x)
    @classmethod
    def c(cls, x): return ('c', cls.__name__, x)
class B(A): pass
for obj in (A, A(), B, B()):
    print(obj.s(1), obj.c(2))
f, g = B.s, B.c
print(f(3), g(4))
print(isinstance(A.__dict__['s'], staticmethod), isinstance(A.__dict__['c'], classmethod))
