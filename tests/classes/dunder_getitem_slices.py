# __getitem__ and __setitem__ receiving slices and tuples, with negative indexes
class Seq:
    def __init__(self, data): self.data = list(data)
    def __len__(self): return len(self.data)
    def __getitem__(self, i):
        if isinstance(i, slice):
            return Seq(self.data[i])
        return self.data[i]
    def __setitem__(self, i, v): self.data[i] = v
    def __repr__(self): return 'Seq(%r)' % self.data
s = Seq('abcdef')
print(s[0], s[-1], s[1:4], s[::-2], len(s[2:]))
s[0] = 'A'
s[1:3] = 'XYZ'
print(s, list(s), 'Z' in s)
