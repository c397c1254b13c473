# dict comprehensions
print({k: v for k, v in zip('abc', range(3))}, {x % 3: x for x in range(10)})
