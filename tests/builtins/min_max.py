# min and max with key and default
print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max('hello'), min('b', 'a'), max((1, 2), (1, 3)))
print(max([], default='empty'), min([], default=None), max([1], default=0))
print(max(['aa', 'b', 'ccc'], key=len), min(['aa', 'b', 'ccc'], key=len), max(-5, 3, key=abs))
print(max([1, 3, 3.0], key=float), min([(2, 'a'), (1, 'z'), (1, 'b')]))
print(max(x * x for x in range(-5, 3)), min(range(5), key=lambda x: (x - 2) ** 2))
print(max(1, 2.5), min(True, 0), max([2, 1, 2], key=lambda x: -x))
for bad in [lambda: max([]), lambda: min(), lambda: max(1), lambda: max(1, 'a'), lambda: min([], key=len)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
