# the iterator protocol: iter(), next(), custom iterators, iter(callable, sentinel)
class Count:
    def __init__(self, n):
        self.n, self.i = n, 0
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i
print(list(Count(3)), [x * 2 for x in Count(2)], sum(Count(4)))
it = iter([1, 2])
print(next(it), next(it), next(it, 'default'))
try:
    next(it)
except StopIteration:
    print('StopIteration')
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(list(Seq()), 20 in Seq())
vals = iter([1, 2, 0, 3])
print(list(iter(lambda: next(vals), 0)))
try:
    iter(5)
except TypeError as e:
    print(e)
try:
    next([1])
except TypeError as e:
    print(e)
d = {'a': 1}
it = iter(d)
print(next(it), list(it))
