# sort.py: list sorting: random ints, floats, strings, tuples, key functions, reverse, already
# sorted and reversed input, sorted() on other iterables.
# usage: sort.py [scale]
import sys


def rand_ints(n, seed):
    out = []
    for _ in range(n):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        out.append(seed >> 4)
    return out


def main(scale):
    n = max(50, int(60000 * scale))
    ints = rand_ints(n, 1)
    checks = []
    a = sorted(ints)
    checks.append(a[0] + a[n // 2] + a[-1])
    b = sorted(ints, reverse=True)
    checks.append(b[0] - b[-1])
    floats = [v / 7.0 for v in ints[: n // 2]]
    floats.sort()
    checks.append(int(floats[len(floats) // 3]))
    strs = ["k%07d" % (v % 1000003) for v in ints[: n // 2]]
    strs.sort()
    checks.append(strs[len(strs) // 2])
    tuples = [(v % 100, -v, str(v % 10)) for v in ints[: n // 4]]
    tuples.sort()
    checks.append(tuples[len(tuples) // 2])
    keyed = sorted(ints[: n // 2], key=lambda v: (v % 1000, v))
    checks.append(keyed[:3])
    stable = sorted(range(n // 4), key=lambda v: v % 10)
    checks.append(stable[n // 8])
    for _ in range(3):
        a.sort()           # already sorted
        b.sort()           # reversed
    checks.append(a == b)
    checks.append(sorted({v % 1000 for v in ints})[-5:])
    print("sort", n, checks)


main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
