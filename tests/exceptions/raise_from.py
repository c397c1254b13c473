# raise ... from ..., __cause__, __context__, __suppress_context__
try:
    try:
        {}['k']
    except KeyError as e:
        raise ValueError('converted') from e
except ValueError as v:
    print(repr(v.__cause__), repr(v.__context__), v.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError('implicit')
except TypeError as t:
    print(t.__cause__, repr(t.__context__), t.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError('no context') from None
except TypeError as t:
    print(t.__cause__, repr(t.__context__), t.__suppress_context__)
try:
    raise RuntimeError('x') from KeyError
except RuntimeError as r:
    print(repr(r.__cause__))
e = ValueError()
print(e.__cause__, e.__context__, e.__suppress_context__)
try:
    raise ValueError from 5
except TypeError as te:
    print(te)
