# repr of functions and bound methods, with the address cut off
def cut(o):
    r = repr(o)
    return r.split(' at ')[0] if ' at ' in r else r
def f(): pass
class C:
    def m(self): pass
print(cut(f), cut(lambda: 0), cut(C.m))
print(repr(C().m).split(' of ')[0], cut(len), cut(print))
