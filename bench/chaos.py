# chaos.py: the chaos game (an iterated function system drawing Barnsley's fern): float arithmetic,
# tuples and a hand-written random generator.  Prints a histogram checksum of the visited cells.
# usage: chaos.py [scale]
import sys

# (probability weight out of 100, a, b, c, d, e, f): x' = a x + b y + e, y' = c x + d y + f
MAPS = [
    (1, 0.0, 0.0, 0.0, 0.16, 0.0, 0.0),
    (85, 0.85, 0.04, -0.04, 0.85, 0.0, 1.6),
    (7, 0.2, -0.26, 0.23, 0.22, 0.0, 1.6),
    (7, -0.15, 0.28, 0.26, 0.24, 0.0, 0.44),
]


class Random:
    def __init__(self, seed):
        self.state = seed

    def below(self, n):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return (self.state >> 8) % n

    def uniform(self):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return self.state / 2147483648.0


def pick(table, r):
    for limit, transform in table:
        if r < limit:
            return transform
    return table[-1][1]


def chaos(n, size):
    table = []
    acc = 0
    for m in MAPS:
        acc += m[0]
        table.append((acc, m[1:]))
    rng = Random(42)
    x, y = rng.uniform(), rng.uniform()
    grid = [0] * (size * size)
    min_x = max_x = min_y = max_y = 0.0
    for _ in range(n):
        a, b, c, d, e, f = pick(table, rng.below(100))
        x, y = a * x + b * y + e, c * x + d * y + f
        min_x = min(min_x, x)
        max_x = max(max_x, x)
        max_y = max(max_y, y)
        col = int((x + 2.75) / 5.5 * (size - 1))
        row = int(y / 10.0 * (size - 1))
        grid[row * size + col] += 1
    filled = sum(1 for v in grid if v)
    weight = sum(i * v for i, v in enumerate(grid)) % 1000000007
    return filled, weight, "%.4f %.4f %.4f %.4f" % (min_x, max_x, min_y, max_y)


def main(scale):
    n = max(100, int(150000 * scale))
    print("chaos", n, *chaos(n, 128))


main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
