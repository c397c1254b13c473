# an exception in finally gets context from the pending one
try:
    try:
        raise KeyError('a')
    finally:
        try:
            raise ValueError('b')
        except ValueError as v:
            print(repr(v.__context__))
except KeyError as k:
    print('outer', repr(k))
