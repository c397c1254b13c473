# math's accurate sums and norms: fsum, hypot, dist, isclose
import math

print(math.fsum([]), math.fsum([1, 2, 3]), math.fsum([0.1] * 10), sum([0.1] * 10))
print(math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
print(math.fsum([1.0, 1e100, 1.0, -1e100]), math.fsum([2.0 ** 53, 1.0, 2.0 ** -53]))
print(math.fsum([2.0 ** 53, -0.5, -2.0 ** -54]))
print(math.fsum(x / 10 for x in range(100)), math.fsum(iter([1, 2.5])), math.fsum((True, 2)))
print(math.fsum([-0.0]), math.fsum([math.inf, 1]), math.fsum([-math.inf, 5, -math.inf]), math.fsum([math.nan, 1]))
print(math.fsum([0.1, 0.2, 0.3, -0.6]), math.fsum([1e-16, 1.0, 1e-16]))
vals = [((-1) ** i) * 1.0 / (i + 1) for i in range(1000)] * 3
print(math.fsum(vals) == math.fsum(sorted(vals)))
print(math.fsum([float(i) for i in range(1, 200)] * 2 + [2 ** 60, -2 ** 60]))

print(math.hypot(), math.hypot(-5), math.hypot(3, 4), math.hypot(3, 4, 12), math.hypot(1e200, 1e200))
print(math.hypot(1e-200, 1e-200), math.hypot(math.inf, math.nan), math.hypot(math.nan, 1), math.hypot(-math.inf, 1))
print(math.hypot(0, 0), math.hypot(0.0, -0.0), math.hypot(5e-324, 5e-324), math.hypot(*range(20)))
print(math.hypot(1.7976931348623157e308, 1), math.hypot(1, 1) == math.sqrt(2), math.hypot(True, 2))
print(math.dist((0, 0), (3, 4)), math.dist([1, 2, 3], [4, 6, 3]), math.dist((), ()), math.dist((1,), (-2,)))
print(math.dist(iter([0, 0]), (6, 8)), math.dist(range(3), (0, 1, 2)), math.dist((1e300, 0), (-1e300, 0)))

print(math.isclose(1, 1), math.isclose(1, 1 + 1e-10), math.isclose(1, 1 + 1e-8), math.isclose(0, 1e-10))
print(math.isclose(0, 1e-10, abs_tol=1e-9), math.isclose(100, 101, rel_tol=0.01), math.isclose(100, 102, rel_tol=0.01))
print(math.isclose(math.inf, math.inf), math.isclose(math.inf, -math.inf), math.isclose(math.nan, math.nan))
print(math.isclose(1e308, math.inf), math.isclose(a=1, b=1.0), math.isclose(-1, -1.0000000001))
