# super() forms
class A:
    def f(self): return 'A.f'
    @classmethod
    def c(cls): return 'A.c ' + cls.__name__
class B(A):
    def f(self): return 'B.f>' + super().f()
    def g(self): return super(B, self).f()
    @classmethod
    def c(cls): return 'B.c>' + super().c()
print(B().f(), B().g(), B.c())
try:
    super()
except RuntimeError as e:
    print(e)
class C(B):
    def skip(self): return super(B, self).f()
print(C().skip())
