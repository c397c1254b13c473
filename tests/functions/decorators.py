# function decorators, stacked, with arguments
def trace(f):
    def wrapper(*a, **k):
        print('call', f.__name__, a, k)
        return f(*a, **k)
    return wrapper
@trace
def add(a, b):
    return a + b
print(add(1, b=2))
def times(n):
    def deco(f):
        def w(x):
            for _ in range(n):
                x = f(x)
            return x
        return w
    return deco
@times(3)
def double(x):
    return x * 2
print(double(1))
def a(f):
    return lambda: 'a(' + f() + ')'
def b(f):
    return lambda: 'b(' + f() + ')'
@a
@b
def base():
    return 'base'
print(base())
registry = []
def register(f):
    registry.append(f.__name__)
    return f
@register
def one(): pass
@register
def two(): pass
print(registry)
class Deco:
    def __init__(self, f):
        self.f = f
        self.calls = 0
    def __call__(self, *a):
        self.calls += 1
        return self.f(*a)
@Deco
def sq(x):
    return x * x
print(sq(3), sq(4), sq.calls)
