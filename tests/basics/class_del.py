# __del__ of user classes runs when the instance is collected (CPython: at once, by reference
# counting; Adder: at the next collection, with the heap locked, so these finalisers only update
# existing class attributes).  Adder's GC is conservative: a stale word may pin a block (and what it
# refers to; after a soft reset on a board, old words are all over the stack), so a batch of n dead
# objects is checked as "most of them, never more than n" (__del__ runs once), each batch counting
# in its own class so a late straggler cannot skew another batch; objects still reachable must
# never be finalised.  gc.collect() is called at the module's level: the VM stack's frames are
# scanned whole, so a function calling it would keep what an earlier callee (the maker) left in the
# same stack space.
import gc


def about(cls, n):
    return n - max(3, n // 10) <= cls.n <= n


def make(cls, n):
    for i in range(n):
        cls()


class A:
    n = 0

    def __del__(self):
        type(self).n += 1


class B(A):          # inherits __del__
    n = 0


class V:
    n = 0
    total = 0

    def __init__(self, v):
        self.v = v

    def __del__(self):
        V.n += 1
        V.total += self.v   # the dead object's attributes are still readable


class L(list):       # a built-in base: the instance embeds the list
    n = 0
    total = 0

    def __del__(self):
        L.n += 1
        L.total += len(self)


class Boom:
    def __del__(self):
        raise ValueError("ignored")


class After(A):
    n = 0


class Pair(A):
    n = 0


class Link(A):
    n = 0


class Helper:
    n = 0

    def __del__(self):
        self.cleanup()   # the method's first call, from inside a collection

    def cleanup(self):
        Helper.n += 1


class K(A):
    n = 0


def make_values(n):
    for i in range(n):
        V(3)


def make_lists(n):
    for i in range(n):
        L([1, 2, 3, 4])


def make_cycles(n):
    for i in range(n):
        a, b = Pair(), Pair()
        a.other, b.other = b, a


def make_chains(n):
    for i in range(n):
        a = Link()
        a.next = Link()


def keep():
    global k0, k1, k2, k3, k4, k5
    k0 = K()    # one at a time: a tuple of them would pin all of them at once
    k1 = K()
    k2 = K()
    k3 = K()
    k4 = K()
    k5 = K()


make(A, 100)
gc.collect()
gc.collect()
print("A", about(A, 100))
make(B, 30)
gc.collect()
gc.collect()
print("B", about(B, 30))
make_values(20)
gc.collect()
gc.collect()
print("attributes", about(V, 20), V.total == 3 * V.n)
make_lists(20)
gc.collect()
gc.collect()
print("list subclass", about(L, 20), L.total == 4 * L.n)
make(Boom, 5)
make(After, 20)
gc.collect()
gc.collect()
print("after exceptions", about(After, 20))
make_cycles(10)
gc.collect()
gc.collect()
print("cycles", about(Pair, 20))
make_chains(10)
gc.collect()
gc.collect()
print("chains", about(Link, 20))
make(Helper, 10)
gc.collect()
gc.collect()
print("method call", about(Helper, 10))
keep()
gc.collect()
gc.collect()
print("kept", K.n, type(k0).__name__, type(k5).__name__)
k0 = k1 = k2 = k3 = k4 = k5 = None
gc.collect()
gc.collect()
print("dropped", about(K, 6))
gc.collect()
gc.collect()
print("once", about(K, 6))
