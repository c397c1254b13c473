# slice objects and __getitem__ receiving them
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(3), slice(None, 4))
print(s.indices(5), slice(None, None, -1).indices(4))
print([0, 1, 2, 3, 4, 5][s], 'abcdefgh'[slice(2, None)], (1, 2, 3)[slice(None, None, -1)])
class C:
    def __getitem__(self, k):
        return k
c = C()
print(c[1:2], c[::3], c[1:2, 3], c[...], c[:, None])
try:
    [1, 2][::0]
except ValueError as e:
    print(e)
