# generators.py: generator functions, generator pipelines, yield from (tree walks), send(), and
# generator expressions consumed by builtins.
# usage: generators.py [scale]
import sys


def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1


def evens(it):
    for v in it:
        if v % 2 == 0:
            yield v


def squares(it):
    for v in it:
        yield v * v


def make_tree(depth):
    if depth == 0:
        return None
    return (make_tree(depth - 1), depth, make_tree(depth - 1))


def walk(node):
    if node is not None:
        left, value, right = node
        yield from walk(left)
        yield value
        yield from walk(right)


def accumulator():
    total = 0
    while True:
        v = yield total
        if v is None:
            return total
        total += v


def chunks(seq, size):
    for i in range(0, len(seq), size):
        yield seq[i:i + size]


def main(scale):
    n = max(100, int(300000 * scale))
    pipeline = sum(squares(evens(count_up(n))))
    tree = make_tree(max(4, min(14, int(13 + scale))))
    reps = max(1, int(6 * scale))
    walked = 0
    for _ in range(reps):
        walked += sum(walk(tree))
    acc = accumulator()
    next(acc)
    last = 0
    for i in range(n // 4):
        last = acc.send(i)
    genexp = sum(x * 3 for x in range(n) if x & 1)
    chunked = max(sum(c) for c in chunks(list(range(n // 10)), 7))
    zipped = sum(a * b for a, b in zip(count_up(n // 5), count_up(n // 5)))
    print("generators", n, pipeline, walked, last, genexp, chunked, zipped)


main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
