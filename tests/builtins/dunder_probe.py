# built-in types answer exactly the dunders CPython gives them (hasattr, getattr, dir)
objs = [1, 1.5, True, 'a', b'a', bytearray(b'a'), [1], (1,), {1: 2}, {1}, frozenset(), range(3), None,
        len, int, iter([]), (x for x in [])]
names = ['__getitem__', '__setitem__', '__delitem__', '__len__', '__contains__', '__iter__', '__next__',
         '__call__', '__index__', '__int__', '__float__', '__hash__', '__bool__', '__neg__', '__pos__',
         '__abs__', '__invert__', '__add__', '__sub__', '__mul__', '__truediv__', '__floordiv__', '__mod__',
         '__pow__', '__and__', '__or__', '__xor__', '__lshift__', '__rshift__', '__radd__', '__rsub__',
         '__rmul__', '__iadd__', '__imul__', '__eq__', '__ne__', '__repr__', '__str__', '__format__',
         '__init__', '__new__']
for o in objs:
    print(type(o).__name__, ' '.join(n for n in names if hasattr(o, n)))
print([type(o).__name__ for o in objs if getattr(o, '__hash__', 0) is None])
print((5).__add__(2), (5).__mul__(2), 'a'.__add__('b'), [1].__len__(), {1: 2}.__contains__(1))
print((1).__lt__(2), 'a'.__eq__('a'), (1).__add__('x'), [].__iadd__([1]), 'ab'.__getitem__(1))
class L(list):
    pass
try:
    hash(L())
except TypeError as e:
    print(e)
class D(dict):
    def __hash__(self):
        return 5
print(hash(D()), hasattr(L(), '__getitem__'), hasattr(L(), '__index__'))
for o in [1, 'a', [], {}, (), 1.5, None, set(), range(1), b'', object()]:
    d = dir(o)
    wanted = [n for n in names + ['__class__'] if hasattr(o, n)]
    print(type(o).__name__, [n for n in wanted if n not in d], d == sorted(d))
print('__add__' in dir(int), '__len__' in dir(list), '__len__' in dir(int), 'append' in dir(list))
