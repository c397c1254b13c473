# str and repr of exceptions raised by the runtime itself
def t(f):
    try:
        f()
    except Exception as e:
        print(repr(e), '|', str(e), '|', e.args)
t(lambda: 1 / 0)
t(lambda: [][1])
t(lambda: {}['k'])
t(lambda: int('x'))
t(lambda: None.x)
t(lambda: undefined)
