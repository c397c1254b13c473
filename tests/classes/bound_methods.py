# bound and unbound methods
class C:
    def __init__(self, v): self.v = v
    def get(self): return self.v
    def add(self, n): return self.v + n
c1, c2 = C(1), C(2)
g1 = c1.get
print(g1(), C.get(c2), list(map(C.get, [c1, c2])), list(map(c1.add, [10, 20])))
print(c1.get == c1.get, c1.get == c2.get, c1.get is not c1.get)
c1.get = lambda: 'instance attr shadows'
print(c1.get(), c2.get())
def external(self): return 'external ' + str(self.v)
C.ext = external
print(c2.ext())
try:
    C.get()
except TypeError as e:
    print(e)
