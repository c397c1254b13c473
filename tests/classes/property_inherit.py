# properties inherited and overridden; property on class access
class Base:
    @property
    def name(self):
        return 'base'
    @property
    def shout(self):
        return self.name.upper()
class Child(Base):
    @property
    def name(self):
        return 'child'
print(Base().shout, Child().shout, isinstance(Base.name, property))
class RO:
    @property
    def x(self):
        return 1
try:
    del RO().x
except AttributeError:
    print('cannot delete')
class Lazy:
    @property
    def value(self):
        print('computing')
        return 42
l = Lazy()
print(l.value, l.value)
