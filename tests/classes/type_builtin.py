# type() with one and three arguments
print(type(1), type('a'), type([]), type(type), type(None))
T = type('T', (), {'x': 1, 'f': lambda self: self.x + 1})
t = T()
print(T.__name__, t.x, t.f(), type(t) is T)
U = type('U', (T,), {'x': 10})
print(U().f(), U.__bases__ == (T,), issubclass(U, T))
print(type(t).__name__, type(T).__name__, type(int).__name__)
class Meta: pass
print(type(Meta()) is Meta, type(Meta) is type)
try:
    type('X', 5, {})
except TypeError as e:
    print('TypeError')
