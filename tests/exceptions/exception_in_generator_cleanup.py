# exceptions raised while cleaning up replace the original, with the original as __context__
def g():
    try:
        yield 1
    finally:
        raise KeyError('cleanup failed')
it = g()
next(it)
try:
    it.close()
except KeyError as e:
    print('close raised', e)
def h():
    try:
        raise ValueError('original')
    finally:
        pass
try:
    h()
except ValueError as e:
    print(e, e.__context__)
