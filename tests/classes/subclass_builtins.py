# subclassing int, str, tuple, object
class MyInt(int):
    def double(self):
        return self * 2
i = MyInt(21)
print(i, i.double(), i + 1, type(i + 1).__name__, isinstance(i, int), MyInt('7'), MyInt())
class Name(str):
    def shout(self):
        return self.upper() + '!'
n = Name('hi')
print(n, n.shout(), len(n), n == 'hi', {n: 1}['hi'], n[0], type(n[0]).__name__)
class Pair(tuple):
    @property
    def first(self):
        return self[0]
p = Pair((1, 2))
print(p, p.first, len(p), p + (3,))
class F(float):
    pass
print(F(1.5) * 2, type(F(2)).__name__)
