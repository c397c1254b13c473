# dir: only check membership, not the full list
class C:
    a = 1
    def m(self): pass
o = C()
o.inst = 2
d = dir(o)
print('a' in d, 'm' in d, 'inst' in d, d == sorted(d))
print('append' in dir([]), 'upper' in dir(''), 'keys' in dir({}))
import sys
print('argv' in dir(sys), 'path' in dir(sys))
x = 1
print('x' in dir(), 'C' in dir())
