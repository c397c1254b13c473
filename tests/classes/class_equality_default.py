# default equality and hashing is by identity
class P: pass
a, b = P(), P()
print(a == a, a == b, a != b, a in [b], a in [a], len({a, b, a}), {a: 1}.get(b))
class Q:
    def __eq__(self, o): return type(o) is Q
print(Q() == Q(), Q() != Q(), Q.__hash__ is None)
