# instance and class attributes, methods
class Point:
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    def moved(self, dx=0, dy=0):
        return Point(self.x + dx, self.y + dy)
p = Point(3, 4)
print(p.x, p.y, p.norm2(), p.dims, Point.dims, p.moved(1).x, type(p).__name__)
p.z = 5
print(p.z, sorted(p.__dict__))
Point.dims = 3
print(p.dims)
p.dims = 10
print(p.dims, Point.dims)
del p.dims
print(p.dims)
print(Point.norm2(p), isinstance(p, Point), type(p) is Point)
m = p.norm2
print(m(), m.__self__ is p, m.__func__ is Point.norm2)
