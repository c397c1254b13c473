# in-place operator dunders and their fallback to the plain form
class Acc:
    def __init__(self): self.items = []
    def __iadd__(self, o):
        self.items.append(o)
        return self
    def __isub__(self, o):
        self.items.remove(o)
        return self
    def __imul__(self, n):
        self.items *= n
        return self
a = Acc()
orig = a
a += 1
a += 2
a -= 1
a *= 2
print(a.items, a is orig)
class Plain:
    def __init__(self, v): self.v = v
    def __add__(self, o): return Plain(self.v + o)
p = Plain(1)
q = p
p += 5
print(p.v, q.v, p is q)
class Ops:
    def __init__(self, v): self.v = v
    def __ifloordiv__(self, o): self.v //= o; return self
    def __itruediv__(self, o): self.v /= o; return self
    def __imod__(self, o): self.v %= o; return self
    def __ipow__(self, o): self.v **= o; return self
    def __iand__(self, o): self.v &= o; return self
    def __ior__(self, o): self.v |= o; return self
    def __ixor__(self, o): self.v ^= o; return self
    def __ilshift__(self, o): self.v <<= o; return self
    def __irshift__(self, o): self.v >>= o; return self
    def __imatmul__(self, o): self.v = 'mat'; return self
o = Ops(100)
o //= 3; print(o.v)
o %= 7; print(o.v)
o **= 3; print(o.v)
o |= 8; print(o.v)
o &= 12; print(o.v)
o ^= 5; print(o.v)
o <<= 2; print(o.v)
o >>= 1; print(o.v)
o /= 4; print(o.v)
o @= 1; print(o.v)
