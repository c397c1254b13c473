# getattr, setattr, hasattr, delattr
class C:
    cls_attr = 'c'
o = C()
setattr(o, 'x', 1)
print(getattr(o, 'x'), getattr(o, 'cls_attr'), getattr(o, 'missing', 'dflt'), hasattr(o, 'x'), hasattr(o, 'y'))
delattr(o, 'x')
print(hasattr(o, 'x'))
setattr(C, 'added', lambda self: 'method')
print(o.added())
print(getattr([], 'append').__name__, getattr(1, 'real'), hasattr('s', 'upper'))
for bad in [lambda: getattr(o, 'nope'), lambda: getattr(o, 5), lambda: delattr(o, 'nope'), lambda: setattr(1, 'x', 2)]:
    try:
        bad()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
class Prop:
    @property
    def boom(self):
        raise ValueError('not AttributeError')
try:
    hasattr(Prop(), 'boom')
except ValueError as e:
    print('hasattr propagates', e)
