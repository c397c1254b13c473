# callable on many objects
class C:
    def m(self): pass
class K:
    def __call__(self): pass
for o in [len, C, C(), C().m, K(), lambda: 0, 1, 'str', None, int, print, [].append, type]:
    print(callable(o), end=' ')
print()
