# zip(strict=True) and enumerate over infinite generators
def nat():
    n = 0
    while True:
        yield n
        n += 1
print(list(zip(nat(), 'abc')), [i for i, _ in zip(range(3), nat())])
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print(e)
print(list(zip('ab', 'cd', strict=True)))
for i, v in enumerate(nat()):
    if i > 3:
        break
print(i, v)
