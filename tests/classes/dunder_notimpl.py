# NotImplemented makes the runtime try the reflected method, then raise TypeError
class A:
    def __add__(self, o):
        return NotImplemented
    def __radd__(self, o):
        return 'A.radd'
class B:
    def __radd__(self, o):
        return 'B.radd'
class C:
    def __add__(self, o):
        return NotImplemented
print(A() + B(), 1 + A())
try:
    A() + A()
except TypeError as e:
    print(e)
try:
    C() + C()
except TypeError as e:
    print(e)
try:
    C() * 2
except TypeError as e:
    print(e)
class Sub(int):
    def __radd__(self, o):
        return 'subclass radd wins'
print(1 + Sub(2))
class Base:
    def __add__(self, o): return 'Base.add'
class Derived(Base):
    def __radd__(self, o): return 'Derived.radd'
print(Base() + Derived())
