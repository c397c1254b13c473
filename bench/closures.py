# closures.py: closures and free variables: counters with nonlocal, function factories, lambdas,
# decorators, and higher-order builtins (map, filter, sorted with key).
# usage: closures.py [scale]
import sys


def make_counter():
    count = 0

    def inc(step=1):
        nonlocal count
        count += step
        return count

    return inc


def make_adder(k):
    return lambda x: x + k


def compose(f, g):
    def h(x):
        return f(g(x))
    return h


def memoize(fn):
    cache = {}

    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]

    return wrapper


@memoize
def ways(n):
    return 1 if n <= 1 else ways(n - 1) + ways(n - 2)


def main(scale):
    n = max(100, int(200000 * scale))
    c = make_counter()
    for i in range(n):
        c()
    total = c(0)
    adders = [make_adder(k) for k in range(10)]
    s = 0
    for i in range(n // 2):
        s += adders[i % 10](i)
    f = compose(make_adder(1), make_adder(2))
    g = compose(f, f)
    t = 0
    for i in range(n // 4):
        t += g(i)
    mapped = sum(map(lambda x: x * 2, filter(lambda x: x % 3, range(n))))
    keyed = sorted(range(1000), key=lambda v: (v * 7919) % 1000)[:5]
    counters = [make_counter() for _ in range(100)]
    for i in range(n // 4):
        counters[i % 100](i % 3)
    print("closures", n, total, s, t, mapped, keyed, sum(cn(0) for cn in counters), ways(80))


main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
