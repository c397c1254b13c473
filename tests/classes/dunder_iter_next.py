# __iter__ returning a separate iterator object and __next__ errors
class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self): return CountdownIter(self.n)
class CountdownIter:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
c = Countdown(3)
print(list(c), list(c), sorted(c), max(c), tuple(zip(c, c)))
class BadIter:
    def __iter__(self): return 5
try:
    iter(BadIter())
except TypeError as e:
    print(e)
class NotIter:
    pass
try:
    for x in NotIter():
        pass
except TypeError as e:
    print(e)
