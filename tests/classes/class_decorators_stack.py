# class decorators, stacked, and decorators that replace the class
def add_repr(cls):
    cls.__repr__ = lambda self: '<%s %r>' % (cls.__name__, vars(self))
    return cls
def count_instances(cls):
    orig = cls.__init__
    cls.count = 0
    def init(self, *a, **k):
        cls.count += 1
        orig(self, *a, **k)
    cls.__init__ = init
    return cls
@add_repr
@count_instances
class P:
    def __init__(self, x):
        self.x = x
print(P(1), P(2), P.count)
def replace(cls):
    return 'replaced ' + cls.__name__
@replace
class Gone: pass
print(Gone)
