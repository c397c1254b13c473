# else and finally ordering
def f(fail):
    try:
        print('try')
        if fail:
            raise ValueError('fail')
    except ValueError:
        print('except')
    else:
        print('else')
    finally:
        print('finally')
    print('after')
f(False)
f(True)
def g():
    try:
        raise KeyError
    finally:
        print('finally before propagation')
try:
    g()
except KeyError:
    print('caught after finally')
try:
    pass
finally:
    print('finally without except')
def in_else():
    try:
        pass
    except Exception:
        print('no')
    else:
        raise RuntimeError('from else')
    finally:
        print('finally after else raise')
try:
    in_else()
except RuntimeError as e:
    print(e)
