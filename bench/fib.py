# fib.py: recursive function calls (naive Fibonacci).
# usage: fib.py [scale]   (scale 1.0 = full size; small values make it quick)
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def main(scale):
    reps = max(1, int(30 * scale))
    total = 0
    for i in range(reps):
        total += fib(18 + i % 5)
    print("fib", reps, total)


main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
