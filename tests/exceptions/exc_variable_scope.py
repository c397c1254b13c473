# the `as` target is cleared at the end of the handler, even in functions
def f():
    e = 'keep?'
    try:
        raise ValueError('v')
    except ValueError as e:
        saved = e
    try:
        return e
    except UnboundLocalError as err:
        return 'unbound: ' + str(saved)
print(f())
