# float errors
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: 1.0 / 0)
t(lambda: 1.0 // 0)
t(lambda: 1.0 % 0)
t(lambda: 1 / 0.0)
t(lambda: float('abc'))
t(lambda: float(''))
t(lambda: int(float('inf')))
t(lambda: int(float('nan')))
t(lambda: 0.0 ** -1)
t(lambda: float([1]))
