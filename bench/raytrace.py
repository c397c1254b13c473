# raytrace.py: a small ray tracer (vector objects with operator methods, spheres, diffuse shading,
# shadows and reflections).  Checksum: the sum of the 0..255 pixel values.
# usage: raytrace.py [scale]
import sys


class Vec:

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def scale(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def norm(self):
        return self.scale(1.0 / self.dot(self) ** 0.5)


class Sphere:
    def __init__(self, center, radius, color, reflect):
        self.center = center
        self.radius = radius
        self.color = color
        self.reflect = reflect

    def hit(self, origin, direction):
        oc = origin - self.center
        b = oc.dot(direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0:
            return None
        root = disc ** 0.5
        t = -b - root
        if t > 1e-6:
            return t
        t = -b + root
        return t if t > 1e-6 else None


class Scene:
    def __init__(self):
        self.objects = [
            Sphere(Vec(0.0, -1000.0, 0.0), 999.0, Vec(0.8, 0.8, 0.8), 0.2),
            Sphere(Vec(0.0, 0.0, 4.0), 1.0, Vec(1.0, 0.2, 0.2), 0.4),
            Sphere(Vec(-2.0, 0.0, 5.0), 1.0, Vec(0.2, 1.0, 0.2), 0.3),
            Sphere(Vec(2.0, 0.0, 5.0), 1.0, Vec(0.2, 0.2, 1.0), 0.5),
        ]
        self.light = Vec(-5.0, 5.0, -3.0)

    def nearest(self, origin, direction):
        best, best_t = None, 1e30
        for obj in self.objects:
            t = obj.hit(origin, direction)
            if t is not None and t < best_t:
                best, best_t = obj, t
        return best, best_t

    def trace(self, origin, direction, depth):
        obj, t = self.nearest(origin, direction)
        if obj is None:
            return Vec(0.1, 0.1, 0.2)
        point = origin + direction.scale(t)
        normal = (point - obj.center).norm()
        to_light = (self.light - point).norm()
        shadow, _ = self.nearest(point, to_light)
        diffuse = 0.0 if shadow is not None else max(0.0, normal.dot(to_light))
        color = obj.color.scale(0.1 + 0.9 * diffuse)
        if depth < 2 and obj.reflect > 0:
            refl = direction - normal.scale(2 * direction.dot(normal))
            color = color.scale(1 - obj.reflect) + self.trace(point, refl.norm(), depth + 1).scale(obj.reflect)
        return color


def render(w, h):
    scene = Scene()
    eye = Vec(0.0, 0.5, -1.0)
    total = 0
    for j in range(h):
        for i in range(w):
            d = Vec((i - w / 2) / w, (h / 2 - j) / w, 1.0).norm()
            c = scene.trace(eye, d, 0)
            for v in (c.x, c.y, c.z):
                total += int(min(1.0, v) * 255)
    return total


def main(scale):
    w = max(8, int(100 * scale ** 0.5))
    h = max(6, int(75 * scale ** 0.5))
    print("raytrace", w, h, render(w, h))


main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
