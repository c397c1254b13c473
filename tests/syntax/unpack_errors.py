# unpacking error messages
def t(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
def f1():
    a, b = [1, 2, 3]
def f2():
    a, b, c = (1, 2)
def f3():
    a, b = 5
def f4():
    a, b = 'x'
def f5():
    a, b = iter([1, 2, 3])
def f6():
    a, *b = None
t(f1); t(f2); t(f3); t(f4); t(f5); t(f6)
