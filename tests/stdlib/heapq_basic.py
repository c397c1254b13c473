# heapq: results must match CPython's exactly (same sift order)
import heapq

h = []
for x in [5, 3, 8, 1, 9, 2, 7, 1, 0, 6, 4]:
    heapq.heappush(h, x)
print(h)
print([heapq.heappop(h) for _ in range(len(h))])

data = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0, 11, 10]
heapq.heapify(data)
print(data)
print(heapq.heapreplace(data, 12), data)
print(heapq.heappushpop(data, -1), data)
print(heapq.heappushpop(data, 13), data)
print(heapq.heappushpop([], 3))

# tuples and strings compare with < too
t = [(3, 'c'), (1, 'a'), (2, 'b'), (1, 'z')]
heapq.heapify(t)
print([heapq.heappop(t) for _ in range(4)])
w = ['pear', 'apple', 'fig', 'kiwi', 'banana']
heapq.heapify(w)
print(w)

# a heap sort of a longer pseudo-random list
xs = [(i * 7919) % 1009 for i in range(300)]
h = []
for x in xs:
    heapq.heappush(h, x)
out = [heapq.heappop(h) for _ in range(len(h))]
print(out == sorted(xs), out[:10])

# a custom __lt__ is the only comparison used
class K:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v > other.v   # a max-heap through a reversed order
    def __repr__(self):
        return 'K(%d)' % self.v
ks = [K(i) for i in [3, 1, 4, 1, 5, 9, 2, 6]]
heapq.heapify(ks)
print(ks)
print([heapq.heappop(ks).v for _ in range(8)])

for bad in [lambda: heapq.heappop([]), lambda: heapq.heapreplace([], 1),
            lambda: heapq.heappush((), 1), lambda: heapq.heapify(None),
            lambda: heapq.heappush([1, 'a'], 2), lambda: heapq.heapify([1, 'a', 2])]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__)
