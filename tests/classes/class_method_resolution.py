# attribute lookup order: data descriptors, instance dict, class, __getattr__
class D:
    def __get__(self, obj, typ=None): return 'descriptor get'
    def __set__(self, obj, v): obj.__dict__['_d'] = v
class NonData:
    def __get__(self, obj, typ=None): return 'non-data get'
class C:
    d = D()
    n = NonData()
    def __getattr__(self, name): return 'fallback ' + name
c = C()
c.__dict__['d'] = 'instance d'
c.__dict__['n'] = 'instance n'
print(c.d, c.n, c.missing, C.d, C.n)
c.d = 'set'
print(c._d)
