# list/set/dict comprehensions, nested with conditions
print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[x * y for y in range(3)] for x in range(3)])
print(sorted({x % 4 for x in range(10)}))
print({x: x ** 2 for x in range(5) if x != 2})
print({k: v for k, v in zip('abc', range(3))})
print([c.upper() for c in 'hi' for _ in range(2)])
print(list(x + 1 for x in range(3)), sum(x for x in range(101)), tuple(x for x in 'ab'))
x = 'outer'
print([x for x in range(3)], x)
n = 10
print([i for i in range(n) if i > n - 3])
print([y for x in [[1, 2], [3]] for y in x])
