# classmethod and staticmethod
class C:
    count = 0
    def __init__(self):
        C.count += 1
    @classmethod
    def make(cls, n):
        return [cls() for _ in range(n)]
    @classmethod
    def name(cls):
        return cls.__name__
    @staticmethod
    def add(a, b):
        return a + b
class D(C): pass
print(len(C.make(2)), C.count, D.name(), D().name(), C.add(1, 2), C().add(3, 4))
print(type(D.make(1)[0]).__name__)
f = C.add
print(f(5, 5))
sm = staticmethod(lambda: 'raw')
class E:
    g = sm
print(E.g(), E().g())
