# constructing objects whose __init__ takes various arguments
class P:
    def __init__(self, a, b=2, *rest, key=None, **kw):
        self.data = (a, b, rest, key, kw)
print(P(1).data, P(1, 3, 4, key='k', z=0).data)
try:
    P()
except TypeError as e:
    print(str(e).replace('__main__.', ''))
class Q(P):
    pass
print(Q(5).data, type(Q(5)).__name__)
class R(P):
    def __init__(self):
        super().__init__('r')
print(R().data)
