# first matching handler wins even if later handlers are more specific
try:
    raise KeyError('k')
except LookupError:
    print('LookupError handler')
except KeyError:
    print('never')
try:
    raise ZeroDivisionError
except (ArithmeticError, ZeroDivisionError) as e:
    print('tuple', type(e).__name__)
def which(exc):
    try:
        raise exc
    except IndexError:
        return 'index'
    except LookupError:
        return 'lookup'
    except BaseException:
        return 'base'
print([which(e) for e in (IndexError, KeyError, LookupError, SystemExit, GeneratorExit)])
