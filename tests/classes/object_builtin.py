# object(): the base of everything
o = object()
print(type(o).__name__, isinstance(o, object), o == o, o != object(), o is not None)
try:
    o.x = 1
except AttributeError as e:
    print(e)
print(object.__name__, issubclass(int, object), str(object)[:14])
class A: pass
print(A.__bases__ == (object,), A.__base__ is object if hasattr(A, '__base__') else True)
print(object.__eq__(o, o), object.__ne__(o, o) is False)
