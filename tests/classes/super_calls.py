# super() in various methods
class Base:
    def __init__(self):
        self.log = ['Base']
    @classmethod
    def create(cls):
        return 'Base.create(%s)' % cls.__name__
    def __repr__(self):
        return 'Base'
class Mid(Base):
    def __init__(self):
        super().__init__()
        self.log.append('Mid')
    @classmethod
    def create(cls):
        return 'Mid>' + super().create()
class Leaf(Mid):
    def __init__(self):
        super().__init__()
        self.log.append('Leaf')
    def __repr__(self):
        return 'Leaf<' + super().__repr__() + '>'
l = Leaf()
print(l.log, Leaf.create(), repr(l))
print(super(Leaf, l).__repr__(), super(Mid, l).__repr__())
class M1:
    def f(self): return ['M1']
class M2:
    def f(self): return ['M2']
class Both(M1, M2):
    def f(self): return ['Both'] + super().f()
print(Both().f())
class Coop1:
    def f(self): return ['C1'] + super().f()
class Coop2:
    def f(self): return ['C2']
class Coop(Coop1, Coop2): pass
print(Coop().f())
