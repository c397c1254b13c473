# special class attributes: __name__, __dict__, __class__, __module__, __qualname__
class A:
    x = 1
    def m(self): pass
a = A()
print(A.__name__, A.__qualname__, A.__module__, a.__class__ is A, a.__class__.__name__)
print('x' in A.__dict__, 'm' in A.__dict__, a.__dict__)
a.y = 2
print(a.__dict__, vars(a))
class Outer:
    class Inner:
        pass
print(Outer.Inner.__name__, Outer.Inner.__qualname__)
print(int.__name__, [].__class__.__name__, (1).__class__)
