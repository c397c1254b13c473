# isinstance and issubclass with tuples, builtins, user classes
class A: pass
class B(A): pass
class C: pass
b = B()
print(isinstance(b, A), isinstance(b, (C, A)), isinstance(b, C), isinstance(b, object))
print(issubclass(B, A), issubclass(B, (C,)), issubclass(A, A), issubclass(bool, int), issubclass(int, object))
print(isinstance(1, int), isinstance(True, int), isinstance(1, float), isinstance(1.0, (int, float)))
print(isinstance('s', str), isinstance(b's', bytes), isinstance([], (list, tuple)), isinstance(None, type(None)))
print(isinstance(A, type), isinstance(int, type), isinstance(type, type), isinstance(type, object))
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError))
print(isinstance(b, ((C,), (A,))))
try:
    isinstance(b, 5)
except TypeError as e:
    print(e)
try:
    issubclass(b, A)
except TypeError as e:
    print(e)
