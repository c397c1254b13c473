# classes are objects: stored, passed, created dynamically
classes = []
for i in range(3):
    class K:
        idx = i
    classes.append(K)
print([k.idx for k in classes], classes[0] is classes[1])
def make(name, **attrs):
    return type(name, (object,), attrs)
M = make('M', a=1, b=2)
print(M.__name__, M.a, M.b, M().a)
print(type(M), isinstance(M, type))
class WithCls:
    def clone(self):
        return self.__class__()
print(type(WithCls().clone()).__name__)
