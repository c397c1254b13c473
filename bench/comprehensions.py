# comprehensions.py: list, dict and set comprehensions (nested, filtered), generator expressions
# and unpacking in comprehension targets.
# usage: comprehensions.py [scale]
import sys


def main(scale):
    n = max(100, int(100000 * scale))
    squares = [i * i for i in range(n)]
    evens = [v for v in squares if v % 2 == 0]
    pairs = [(i, j) for i in range(n // 1000 + 3) for j in range(i) if (i + j) % 3 == 0]
    table = {i: str(i) for i in range(n // 2)}
    inverse = {v: k for k, v in table.items()}
    mods = {v % 1013 for v in squares}
    matrix = [[i * j for j in range(30)] for i in range(n // 300)]
    transposed = [[row[c] for row in matrix] for c in range(30)]
    flat = [x for row in transposed for x in row if x % 5]
    total = sum(x for x in flat)
    labels = ["%s=%d" % (k, v) for k, v in zip("abcdefghij", range(10))]
    nested = {k: [x for x in range(k)] for k in range(50)}
    print("comprehensions", n, len(evens), sum(evens) % 1000003, len(pairs), len(inverse),
          len(mods), len(flat), total, labels[3], sum(len(v) for v in nested.values()))


main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
