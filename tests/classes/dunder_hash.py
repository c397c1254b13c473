# __hash__ and __eq__ for dict/set keys
class K:
    def __init__(self, k): self.k = k
    def __hash__(self): return hash(self.k)
    def __eq__(self, o): return isinstance(o, K) and o.k == self.k
d = {K(1): 'one', K('a'): 'A'}
print(d[K(1)], d[K('a')], K(2) in d, len({K(1), K(1), K(2)}))
class EqOnly:
    def __eq__(self, o): return True
try:
    hash(EqOnly())
except TypeError as e:
    print(e)
class Plain: pass
p = Plain()
print(hash(p) == hash(p), {p: 1}[p])
class BadHash:
    def __hash__(self): return 'x'
try:
    hash(BadHash())
except TypeError as e:
    print(e)
class BigHash:
    def __hash__(self): return 2 ** 100
print(type(hash(BigHash())).__name__)
