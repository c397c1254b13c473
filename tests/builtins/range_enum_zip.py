# enumerate and zip
print(list(enumerate('abc')), list(enumerate('ab', 1)), list(enumerate([], 5)), list(enumerate('x', start=-1)))
print(list(zip('abc', [1, 2, 3])), list(zip('ab', range(10))), list(zip()), list(zip([1])))
print(list(zip('ab', 'cd', 'ef')), dict(zip('ab', (1, 2))))
names, nums = zip(*[('a', 1), ('b', 2)])
print(names, nums)
e = enumerate(['x', 'y'])
print(next(e), next(e), next(e, 'end'))
z = zip(iter([1, 2, 3]), iter('ab'))
print(list(z))
print(type(enumerate([])).__name__, type(zip()).__name__)
try:
    zip(1)
except TypeError as err:
    print(err)
