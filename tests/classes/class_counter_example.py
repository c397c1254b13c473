# a bigger worked example: a vector class with many protocols
class Vec:
    __slots_like__ = ('x', 'y')
    def __init__(self, x=0, y=0):
        self.x, self.y = x, y
    def __repr__(self):
        return 'Vec(%r, %r)' % (self.x, self.y)
    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __bool__(self):
        return bool(self.x or self.y)
    def __iter__(self):
        yield self.x
        yield self.y
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __len__(self):
        return 2
v = Vec(3, 4)
print(v, v + Vec(1, 1), v * 2, 2 * v, abs(v), bool(v), bool(Vec()), list(v), v[1], len(v))
x, y = v
print(x, y, {v: 'v'}[Vec(3, 4)], v == Vec(3, 4), v != Vec(3, 4), sum([v, v], Vec()))
