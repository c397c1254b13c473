# context chaining across nested handlers and finally
def chain():
    try:
        raise KeyError('first')
    except KeyError:
        try:
            raise ValueError('second')
        except ValueError:
            raise TypeError('third')
try:
    chain()
except TypeError as e:
    c = e
    names = []
    while c is not None:
        names.append(type(c).__name__)
        c = c.__context__
    print(names)
try:
    try:
        raise KeyError('in try')
    finally:
        raise ValueError('in finally')
except ValueError as e:
    print(repr(e.__context__))
try:
    try:
        raise ValueError('handled')
    except ValueError:
        pass
    raise KeyError('after handled')
except KeyError as e:
    print(e.__context__)
