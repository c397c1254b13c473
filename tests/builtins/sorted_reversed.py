# sorted and reversed
print(sorted([3, 1, 2]), sorted('bca'), sorted((1, 3, 2), reverse=True), sorted({'b': 1, 'a': 2}))
print(sorted([-3, 2, -1], key=abs), sorted(['bb', 'a', 'ccc'], key=len, reverse=True))
print(list(reversed([1, 2, 3])), list(reversed('abc')), list(reversed(range(4))), list(reversed((1, 2))))
r = reversed([1, 2])
print(next(r), list(r))
class Seq:
    def __len__(self): return 3
    def __getitem__(self, i): return i * 10
print(list(reversed(Seq())))
class Rev:
    def __reversed__(self): return iter('custom')
print(list(reversed(Rev())))
for bad in [lambda: sorted(5), lambda: reversed(5), lambda: reversed({1}), lambda: sorted([1, 'a'])]:
    try:
        bad()
    except TypeError as e:
        print(e)
try:
    sorted([1], lambda x: x)
except TypeError as e:
    print(e)
