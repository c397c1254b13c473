# raise from sets __cause__ and suppresses context
try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise ValueError('v') from z
except ValueError as e:
    print(type(e.__cause__).__name__, e.__suppress_context__, type(e.__context__).__name__)
try:
    raise KeyError('x') from None
except KeyError as e:
    print(e.__cause__, e.__suppress_context__)
