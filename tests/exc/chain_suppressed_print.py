# raise from None: only the last exception is printed
try:
    {}[1]
except KeyError:
    raise ValueError('clean') from None
