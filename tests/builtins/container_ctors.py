# list(), tuple(), dict(), set(), frozenset() constructors from iterables
print(list(), list('ab'), list((1, 2)), list({'a': 1}), list(range(3)), list(x for x in 'xy'))
print(tuple(), tuple([1]), tuple('ab'), tuple({1: 2}))
print(dict(), dict(a=1), dict([('x', 1)]), dict(zip('ab', [1, 2])), dict({'a': 1}, b=2))
print(sorted(set('hello')), set(), sorted(frozenset([3, 1])), set(range(3)) == {0, 1, 2})
l = [1, 2]
print(list(l) is l, list(l) == l, tuple(t := (1, 2)) is t)
for bad in [lambda: list(5), lambda: tuple(None), lambda: set(1), lambda: dict(5), lambda: dict(['ab', 'c'])]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
