# basic generator functions
def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
g = count(3)
print(type(g).__name__, next(g), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print('StopIteration', e.value)
print(list(count(5)), sum(count(101)), list(count(0)))
def two():
    yield 1
    yield 2
print([x for x in two()], *two())
g = two()
print(iter(g) is g, list(g), list(g))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
