# __getitem__ receives slice objects and tuples
class C:
    def __getitem__(self, k):
        return k
c = C()
print(c[1:2], c[::3], c[1:2, 3], c[...], c[:])
