# iter and next builtins
it = iter('ab')
print(next(it), next(it), next(it, None))
print(list(iter([1, 2])), list(iter((3,))), sorted(iter({5, 4})), list(iter({'k': 1})))
counter = iter(range(3))
print([next(counter) for _ in range(3)])
calls = []
def f():
    calls.append(1)
    return len(calls)
print(list(iter(f, 4)))
try:
    next(iter([]))
except StopIteration as e:
    print('StopIteration', e.args)
try:
    iter(f, 1, 2)
except TypeError as e:
    print('TypeError')
