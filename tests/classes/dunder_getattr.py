# __getattr__ (fallback only) and __setattr__
class Dyn:
    real = 'real attr'
    def __getattr__(self, name):
        if name.startswith('x'):
            return 'dynamic ' + name
        raise AttributeError(name)
d = Dyn()
print(d.real, d.xyz, getattr(d, 'x1'), hasattr(d, 'nope'), getattr(d, 'nope', 'dflt'))
class Logged:
    def __init__(self):
        self.a = 1
    def __setattr__(self, name, value):
        print('set', name, value)
        object.__setattr__(self, name, value * 2)
l = Logged()
l.b = 5
print(l.a, l.b)
class Frozen:
    def __setattr__(self, n, v):
        raise AttributeError('frozen: ' + n)
try:
    Frozen().x = 1
except AttributeError as e:
    print(e)
class DelA:
    def __delattr__(self, n):
        print('del', n)
del DelA().anything
try:
    object().attr = 1
except AttributeError as e:
    print(e)
