# rich comparison dunders and their reflection
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return isinstance(o, V) and self.v == o.v
    def __lt__(self, o): return self.v < o.v
    def __le__(self, o): return self.v <= o.v
    def __gt__(self, o): return self.v > o.v
    def __ge__(self, o): return self.v >= o.v
    def __repr__(self): return 'V(%d)' % self.v
    __hash__ = None
a, b = V(1), V(2)
print(a == V(1), a != V(1), a < b, a <= b, a > b, a >= b, a == 1, a != 1)
print(sorted([V(3), V(1), V(2)]), max(V(5), V(9)), min([V(4), V(0)]))
print(a in [V(0), V(1)], [V(1)] == [V(1)])
class OnlyLt:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
print(OnlyLt(2) > OnlyLt(1), OnlyLt(1) > OnlyLt(2))
try:
    OnlyLt(1) <= OnlyLt(2)
except TypeError as e:
    print(e)
class Ne:
    def __eq__(self, o): return True
print(Ne() != Ne(), Ne() == 5)
class NI:
    def __eq__(self, o): return NotImplemented
print(NI() == NI(), NI() != 3)
