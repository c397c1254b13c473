# pidigits.py: digits of pi by Gibbons' unbounded spigot (big-integer arithmetic).
# usage: pidigits.py [scale]
import sys


def pi_digits(n):
    digits = []
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    while len(digits) < n:
        if 4 * q + r - t < m * t:
            digits.append(m)
            q, r, m = 10 * q, 10 * (r - m * t), (10 * (3 * q + r)) // t - 10 * m
        else:
            q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
    return digits


def main(scale):
    n = max(20, int(1500 * scale))
    d = pi_digits(n)
    text = "".join(str(v) for v in d)
    print("pidigits", n, text[:12], text[-12:], sum(d))


main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
