# NameError and UnboundLocalError messages
def t(f):
    try:
        f()
    except NameError as e:
        print(type(e).__name__, e)
t(lambda: undefined_variable)
def local():
    v = v + 1
t(local)
def closure():
    def inner():
        return x
    inner()
    x = 1
t(closure)
def deleted_global():
    global gone
    gone = 1
    del gone
    return gone
t(deleted_global)
