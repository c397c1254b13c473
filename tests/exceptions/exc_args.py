# exception args, str and repr for 0, 1 and many args
for args in [(), ('one',), (1, 2), ([1],), (None,)]:
    e = Exception(*args)
    print(e.args, str(e), repr(e))
print(str(KeyError('k')), str(KeyError('k', 'l')), str(KeyError()), repr(KeyError(1)))
print(str(IndexError('idx')), repr(ZeroDivisionError('z')))
e = ValueError('x')
e.args = ('changed',)
print(e)
e.extra = 'attr'
print(e.extra)
print(BaseException('b').args, SystemExit(3).code, StopIteration(7).value, SystemExit().code)
print(OSError(2, 'No such file').args, OSError(2, 'No such file').errno, OSError(2, 'x').strerror)
print(UnicodeError('u'), AttributeError('a').args, NameError('n').args)
