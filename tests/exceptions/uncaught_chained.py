# uncaught chained exception: the final line is the last exception raised
try:
    1 / 0
except ZeroDivisionError as e:
    raise RuntimeError('while handling') from e
