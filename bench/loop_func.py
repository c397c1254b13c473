# loop_func.py: the same tight loops as loop_module.py, inside a function (fast locals).
# usage: loop_func.py [scale]
import sys


def loops(n):
    total = 0
    i = 0
    while i < n:
        total += i % 7
        i += 1
    for j in range(n):
        total ^= j
    return total


def main(scale):
    n = max(10, int(4000000 * scale))
    print("loop_func", n, loops(n))


main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
