# generator expressions
g = (x * x for x in range(5))
print(type(g).__name__, next(g), list(g), list(g))
print(sum(x for x in range(10) if x % 2), max(len(w) for w in ['a', 'abc', 'ab']))
print(list((x, y) for x in range(3) for y in 'ab' if x != 1))
print(any(x > 3 for x in [1, 5]), all(x > 3 for x in [1, 5]))
it = iter([1, 2, 3])
lazy = (x * 10 for x in it)
print(next(lazy), next(it), list(lazy))
def boom():
    raise ValueError('first iterable evaluated eagerly')
try:
    (x for x in boom())
except ValueError as e:
    print(e)
print(''.join(c.upper() for c in 'gen'))
