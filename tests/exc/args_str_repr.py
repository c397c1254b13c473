# args, str and repr of exceptions with 0, 1, many args
for e in (ValueError(), ValueError('x'), ValueError('x', 2), KeyError('k'), KeyError(), OSError(99, 'nf'), Exception(None)):
    print(e.args, repr(str(e)), repr(e))
