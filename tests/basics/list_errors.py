# list error cases
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: [][0])
t(lambda: [1, 2][-3])
t(lambda: [].pop())
t(lambda: [1].pop(5))
t(lambda: [1].remove(2))
t(lambda: [1].index(2))
t(lambda: [1]['a'])
t(lambda: [1] + (2,))
t(lambda: [1, 'a'].sort())
t(lambda: [1] * 'a')
def f():
    x = [1]
    x[5] = 0
t(f)
def g():
    x = [1]
    del x[3]
t(g)
