# exceptions raised in handlers, bare raise re-raises
def g():
    try:
        raise ValueError('inner')
    except ValueError:
        raise
try:
    g()
except ValueError as e:
    print('re-raised', e)
