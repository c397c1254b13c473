# class statement forms
class A: pass
class B(): x = 1
class C(A, B):
    '''doc'''
    y = B.x + 1
    def m(self): return self.y
print(A.__name__, B.x, C.y, C().m(), C.__doc__, C.__bases__ == (A, B))
def deco(cls):
    cls.tag = 'decorated'
    return cls
@deco
class D: pass
print(D.tag)
class E:
    items = [i * 2 for i in range(3)]
    z = len(items)
print(E.items, E.z)
def factory(n):
    class Local:
        val = n
    return Local
print(factory(5).val, factory(6).val)
class F(object): pass
print(F.__mro__ == (F, object))
