# return value in StopIteration
def g():
    yield 1
    return 'result'
it = g()
next(it)
try:
    next(it)
except StopIteration as e:
    print(e.value, e.args)
def empty():
    return 5
    yield
try:
    next(empty())
except StopIteration as e:
    print(e.value)
def noval():
    yield 1
it = noval()
next(it)
try:
    next(it)
except StopIteration as e:
    print(e.value, e.args)
def raises_stop():
    yield 1
    raise StopIteration('x')
try:
    list(raises_stop())
except RuntimeError as e:
    print('RuntimeError', e)
