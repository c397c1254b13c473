# generator close and GeneratorExit
def g():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print('GeneratorExit seen')
        raise
    finally:
        print('finally')
x = g()
print(next(x))
x.close()
x.close()
print(next(x, 'closed'))
unstarted = g()
unstarted.close()
print('unstarted closed silently')
def bad():
    try:
        yield 1
    except GeneratorExit:
        yield 'not allowed'
b = bad()
next(b)
try:
    b.close()
except RuntimeError as e:
    print(e)
def returns():
    try:
        yield 1
    finally:
        return 'value'
r = returns()
next(r)
print(r.close())
