# exceptions raised in except handlers and in else
def f():
    try:
        raise KeyError('a')
    except KeyError:
        raise ValueError('b')
try:
    f()
except ValueError as e:
    print(e, repr(e.__context__))
def g():
    try:
        return 1
    except Exception:
        return 2
    else:
        return 3
print(g())
def h():
    try:
        pass
    except Exception:
        pass
    else:
        return 'else return'
    return 'not here'
print(h())
def nested_handlers():
    try:
        try:
            raise TypeError('t')
        except ValueError:
            return 'wrong'
    except TypeError:
        return 'right'
print(nested_handlers())
