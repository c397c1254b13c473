# classes.py: instantiation, method calls, inheritance with super(), class attributes, properties,
# special methods (__eq__, __hash__, __len__, __getitem__, __repr__) and isinstance.
# usage: classes.py [scale]
import sys


class Shape:
    count = 0

    def __init__(self, name):
        self.name = name
        Shape.count += 1

    def area(self):
        return 0

    def describe(self):
        return "%s(%d)" % (self.name, self.area())


class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h

    @property
    def perimeter(self):
        return 2 * (self.w + self.h)


class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
        self.name = "square"


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __eq__(self, other):
        return isinstance(other, Point) and self.x == other.x and self.y == other.y

    def __hash__(self):
        return hash((self.x, self.y))

    def __repr__(self):
        return "Point(%d, %d)" % (self.x, self.y)

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)


class Bag:
    def __init__(self, items):
        self.items = list(items)

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]


def main(scale):
    n = max(100, int(50000 * scale))
    area = perim = 0
    descr = 0
    for i in range(n):
        r = Rect(i % 10, i % 7) if i % 3 else Square(i % 5)
        area += r.area()
        perim += r.perimeter
        if i % 100 == 0:
            descr += len(r.describe())
    p = Point(0, 0)
    for i in range(n):
        p = p.moved(1, -1)
    pts = {Point(i % 50, i % 30) for i in range(n // 4)}
    same = sum(1 for i in range(n // 4) if Point(i % 50, 0) == Point(i % 50, 0))
    bag = Bag(range(100))
    bag_sum = 0
    for i in range(n // 100):
        bag_sum += sum(bag[j] for j in range(len(bag)))
    kinds = sum(1 for s in (Rect(1, 2), Square(3), Shape("x")) if isinstance(s, Rect))
    print("classes", n, area, perim, descr, repr(p), len(pts), same, bag_sum, kinds, Shape.count)


main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
