# lambda expressions
sq = lambda x: x * x
print(sq(5), (lambda: 'no args')(), (lambda a, b=2: a + b)(1), (lambda *a, **k: (a, k))(1, z=2))
print(list(map(lambda x: -x, [1, 2])), sorted([3, 1, 2], key=lambda x: -x))
adders = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in adders])
late = [lambda: i for i in range(3)]
print([f() for f in late])
print(sq.__name__, (lambda: (yield))().__class__.__name__)
f = lambda x: (lambda y: x + y)
print(f(1)(2))
