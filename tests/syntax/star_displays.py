# star and double-star unpacking inside list/tuple/set/dict displays
a, b = [1, 2], (3, 4)
print([*a, *b], (*a, *b), {*a, *b} == {1, 2, 3, 4}, [*'hi', *range(2), *{5: 0}])
print({**{'x': 1}, 'y': 2, **dict(z=3)}, {'x': 0, **{'x': 1}}, {**{}})
print(*[], sep='-')
print((*a,), [*[], *[]], [*(x for x in 'ab')])
first, *middle, last = *a, *b
print(first, middle, last)
