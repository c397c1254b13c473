# dictset.py: dict and set heavy code: inserts, lookups, deletes, get/setdefault/pop, iteration
# over items, set algebra and membership tests, with int, str and tuple keys.
# usage: dictset.py [scale]
import sys


def main(scale):
    n = max(100, int(50000 * scale))
    d = {}
    for i in range(n):
        d[i * 7 % n] = i
    hits = 0
    for i in range(0, 2 * n, 3):
        if i in d:
            hits += 1
    total = 0
    for k, v in d.items():
        total += k ^ v
    for i in range(0, n, 2):
        del d[i]
    names = {}
    for i in range(n):
        key = "name%d" % (i % 5000)
        names[key] = names.get(key, 0) + i
    groups = {}
    for i in range(n):
        groups.setdefault(i % 97, []).append(i)
    popped = sum(groups.pop(k) [0] for k in range(0, 97, 2))
    pairs = {(i % 100, i % 37): i for i in range(n)}
    s1 = set(range(0, n, 2))
    s2 = set(range(0, n, 3))
    inter = s1 & s2
    union = s1 | s2
    diff = s1 - s2
    sym = s1 ^ s2
    member = 0
    for i in range(n):
        if i in inter:
            member += 1
        if i not in union:
            member += 2
    seen = set()
    dups = 0
    for i in range(n):
        v = i * i % 1009
        if v in seen:
            dups += 1
        else:
            seen.add(v)
    frozen = {frozenset((i % 10, i % 7)) for i in range(1000)}
    print("dictset", n, len(d), hits, total, len(names), names["name42"], popped, len(pairs),
          len(inter), len(union), len(diff), len(sym), member, dups, len(frozen))


main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
