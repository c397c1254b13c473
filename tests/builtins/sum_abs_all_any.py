# sum, abs, all, any
print(sum([1, 2, 3]), sum([]), sum(range(101)), sum([0.5, 0.25]), sum([1, 2], 10), sum([[1], [2]], []))
print(sum((x for x in range(5)), start=100), sum([True, True, False]))
print(abs(-3), abs(3), abs(-2.5), abs(0), abs(-0.0), abs(True), abs(-2 ** 70))
print(all([]), all([1, 2]), all([1, 0]), any([]), any([0, '']), any([0, 'x']), all('abc'), any(x > 2 for x in [1, 3]))
def gen():
    yield 1
    yield 0
    print('not reached')
print(all(gen()))
for bad in [lambda: sum(['a', 'b'], ''), lambda: sum([1, 'a']), lambda: abs('x'), lambda: all(5)]:
    try:
        bad()
    except TypeError as e:
        print(e)
