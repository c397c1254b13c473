# generator state: running, finished, re-entry error
def g():
    yield 1
gen = g()
print(list(gen), next(gen, None))
def selfref():
    yield next(me)
me = selfref()
try:
    next(me)
except ValueError as e:
    print(e)
def local_state():
    x = 0
    while True:
        x += 1
        yield x
a, b = local_state(), local_state()
print(next(a), next(a), next(b), next(a))
print(g.__name__, gen.__name__ if hasattr(gen, '__name__') else 'g')
