# __getitem__, __setitem__, __delitem__, __contains__, __iter__, __len__
class Grid:
    def __init__(self):
        self.cells = {}
    def __getitem__(self, key):
        if key not in self.cells:
            raise KeyError(key)
        return self.cells[key]
    def __setitem__(self, key, val):
        self.cells[key] = val
    def __delitem__(self, key):
        del self.cells[key]
    def __contains__(self, key):
        return key in self.cells
    def __len__(self):
        return len(self.cells)
    def __iter__(self):
        return iter(sorted(self.cells))
g = Grid()
g[0, 0] = 'a'
g[1, 2] = 'b'
print(g[1, 2], (0, 0) in g, (5, 5) in g, (5, 5) not in g, len(g), list(g))
del g[0, 0]
print(len(g), list(g))
try:
    g[9, 9]
except KeyError as e:
    print('KeyError', e)
class OnlyIter:
    def __iter__(self):
        return iter([1, 2, 3])
print(2 in OnlyIter(), 5 in OnlyIter())
try:
    object()[0]
except TypeError as e:
    print(e)
try:
    3 in object()
except TypeError as e:
    print(e)
