# chained tracebacks printed like CPython (last stderr line compared)
def f():
    try:
        {}['k']
    except KeyError as e:
        raise RuntimeError('wrapped') from e
f()
