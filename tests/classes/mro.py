# multiple inheritance and C3 method resolution order
class A:
    def who(self): return 'A'
class B(A):
    def who(self): return 'B>' + super().who()
class C(A):
    def who(self): return 'C>' + super().who()
class D(B, C):
    def who(self): return 'D>' + super().who()
print(D().who())
print([k.__name__ for k in D.__mro__])
class X: pass
class Y: pass
class Z(X, Y): pass
class W(Y): pass
class V(Z, W): pass
print([k.__name__ for k in V.__mro__])
print([k.__name__ for k in V.mro()])
try:
    class Bad(A, B): pass
except TypeError as e:
    print(e)
try:
    class Dup(A, A): pass
except TypeError as e:
    print(e)
