# try/except forms: tuples, as, bare except, ordering, re-raise
def risky(kind):
    if kind == 'z':
        return 1 / 0
    if kind == 'k':
        return {}['k']
    if kind == 'i':
        return [][1]
    if kind == 't':
        return 1 + 's'
    return 'ok'
for k in 'zkito':
    try:
        r = risky(k)
    except ZeroDivisionError:
        r = 'zero'
    except (KeyError, IndexError) as e:
        r = 'lookup ' + type(e).__name__
    except Exception as e:
        r = 'other ' + type(e).__name__
    print(k, r)
try:
    raise ValueError('v')
except:
    print('bare except')
try:
    try:
        raise KeyError('inner')
    except KeyError:
        print('handling, re-raising')
        raise
except KeyError as e:
    print('outer got', repr(e))
try:
    raise TypeError('t')
except (ValueError, TypeError, KeyError) as e:
    print('tuple matched', e)
e = 'before'
try:
    raise ValueError
except ValueError as e:
    pass
try:
    print(e)
except NameError:
    print('as-name deleted after handler')
