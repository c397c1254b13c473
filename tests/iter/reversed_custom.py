# reversed on sequences with __len__/__getitem__ and __reversed__
class Seq:
    def __len__(self): return 3
    def __getitem__(self, i): return i * 10
class R:
    def __reversed__(self): return iter('zyx')
print(list(reversed(Seq())), list(reversed(R())), list(reversed(range(3))), list(reversed((1, 2))))
try:
    reversed(5)
except TypeError as e:
    print(type(e).__name__, e)
