# random: sequences differ from CPython's, so check ranges, determinism after seed() and loose
# distribution properties (bounds chosen so a correct generator fails with negligible probability)
import random

random.seed(42)
a = [random.getrandbits(32) for _ in range(20)]
random.seed(42)
b = [random.getrandbits(32) for _ in range(20)]
print('seed repeats', a == b)
random.seed(43)
print('seed differs', a != [random.getrandbits(32) for _ in range(20)])
random.seed(7)
f1 = [random.random() for _ in range(5)]
random.seed(7)
print('floats repeat', f1 == [random.random() for _ in range(5)])

for k in (0, 1, 5, 8, 16, 31, 32, 33, 63, 64, 100):
    vals = [random.getrandbits(k) for _ in range(200)]
    print(k, all(0 <= v < 2 ** k for v in vals), k < 4 or max(vals) >= 2 ** (k - 2))

def check(name, vals, lo, hi):
    print(name, all(lo <= v <= hi for v in vals), min(vals) == lo, max(vals) == hi)

check('randrange1', [random.randrange(10) for _ in range(500)], 0, 9)
check('randrange2', [random.randrange(-5, 5) for _ in range(500)], -5, 4)
r3 = [random.randrange(0, 100, 7) for _ in range(1000)]
check('randrange3', r3, 0, 98)
print(all(v % 7 == 0 for v in r3))
r4 = [random.randrange(10, 0, -3) for _ in range(300)]
print(sorted(set(r4)))
check('randint', [random.randint(1, 6) for _ in range(500)], 1, 6)
print(random.randint(5, 5), random.randrange(3, 4))
big = [random.randrange(2 ** 40) for _ in range(100)]
print(all(0 <= v < 2 ** 40 for v in big), max(big) > 2 ** 38)

# statistics on the fly: the test also runs on boards with a 64 KB heap
n_ok, total, buckets = 0, 0.0, [0] * 10
for _ in range(2000):
    v = random.random()
    n_ok += 0.0 <= v < 1.0
    total += v
    buckets[int(v * 10)] += 1
print('random', n_ok == 2000, 0.45 < total / 2000 < 0.55)
print('buckets', all(150 < b < 250 for b in buckets))
n_ok, total = 0, 0.0
for _ in range(1000):
    v = random.uniform(-2.5, 7.5)
    n_ok += -2.5 <= v <= 7.5
    total += v
print('uniform', n_ok == 1000, 1.5 < total / 1000 < 3.5)

seq = ['a', 'b', 'c', 'd']
picks = [random.choice(seq) for _ in range(400)]
print(sorted(set(picks)), all(picks.count(x) > 50 for x in seq))
print(random.choice('xyz') in 'xyz', random.choice(range(10, 20)) in range(10, 20), random.choice((7,)))

counts = [0] * 6
for _ in range(6000):
    counts[random.randint(0, 5)] += 1
print('dice', all(800 < c < 1200 for c in counts))

for bad in [lambda: random.randrange(0), lambda: random.randrange(5, 5), lambda: random.randrange(1, 10, 0),
            lambda: random.randint(3, 1), lambda: random.choice([]), lambda: random.getrandbits(-1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__)
random.seed()
random.seed(None)
print(type(random.random()))
