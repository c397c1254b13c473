# class body scoping: names in the body are not visible to methods
x = 'global x'
class C:
    x = 'class x'
    y = x + '!'
    def m(self):
        return x
    def n(self):
        return self.x
print(C.y, C().m(), C().n())
def f():
    z = 'func z'
    class D:
        w = z
        def get(self):
            return z
    return D
D = f()
print(D.w, D().get())
class Counter:
    n = 0
    def inc(self):
        self.n += 1
a, b = Counter(), Counter()
a.inc(); a.inc()
print(a.n, b.n, Counter.n)
