# with statement: several managers, as targets, exceptions, suppression
class CM:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    def __enter__(self):
        print('enter', self.name)
        return self.name.upper()
    def __exit__(self, t, v, tb):
        print('exit', self.name, t.__name__ if t else None, v)
        return self.suppress
with CM('a') as x:
    print('body', x)
with CM('a') as x, CM('b') as y:
    print('body', x, y)
with CM('s', True):
    raise ValueError('swallowed')
print('after suppress')
try:
    with CM('a'), CM('b', True), CM('c'):
        raise KeyError('k')
    print('suppressed by b')
except KeyError:
    print('not reached')
try:
    with CM('n'):
        raise TypeError('propagates')
except TypeError as e:
    print('caught', e)
def f():
    with CM('ret'):
        return 'returned'
print(f())
for i in range(2):
    with CM('loop%d' % i):
        if i == 0:
            continue
        break
with CM('t') as (p):
    print(p)
class Obj: pass
o = Obj()
with CM('attr') as o.attr:
    pass
print(o.attr)
