# formatting.py: number and text formatting: float repr, %-format with flags, format specs with
# grouping, alignment and precision, f-strings, str.format with fields, int bases.
# usage: formatting.py [scale]
import sys


def run(n):
    h = 0
    total = 0
    for i in range(n):
        x = i * 1.37 - 500.25
        a = repr(x) + str(i / 7)
        b = "%8.3f|%-6d|%+e|%x|%05.1f%%" % (x, i, x, i, i / 3)
        c = "{:>12,.2f} {:^9} {:#010b} {:_}".format(x * 1000, i % 1000, i & 255, i * 7919)
        d = f"{x:10.4g}|{i:>6}|{i * 3.5:.1%}|{-i:+08d}|{i:o}"
        e = "{0[k]}-{1}-{k2!r}".format({"k": i}, x, k2="s%d" % i)
        s = a + b + c + d + e
        total += len(s)
        h = (h * 31 + len(s) + ord(s[i % len(s)])) % 1000003
    return total, h


def main(scale):
    n = max(50, int(60000 * scale))
    print("formatting", n, run(n))


main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
