# bigint.py: arbitrary-precision integer arithmetic: factorials, big products and divisions,
# modular exponentiation, shifts and bitwise ops, and decimal conversion of large numbers.
# usage: bigint.py [scale]
import sys


def run(n):
    f = 1
    for i in range(2, n + 1):
        f *= i
    s = str(f % 10 ** 4200) + hex(f)[-50:]
    q, r = divmod(f, 3 ** 500 + 1)
    p = pow(7, n * 10, 10 ** 200 + 3)
    x = (f >> 1000) ^ (f << 7) & ((1 << 5000) - 1)
    fib_a, fib_b = 0, 1
    for _ in range(n * 5):
        fib_a, fib_b = fib_b, fib_a + fib_b
    t = int(s[:2000]) * int(s[2000:4000] or "1")
    return len(s), s[:12], q % 1000003, r % 1000003, p % 1000003, x.bit_length(), fib_a % 1000003, t % 97


def main(scale):
    n = max(100, int(3000 * scale))
    print("bigint", n, run(n))


main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
