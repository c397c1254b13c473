# exceptions raised inside generators propagate to the consumer
def g():
    yield 1
    raise ValueError('inside')
it = g()
print(next(it))
try:
    next(it)
except ValueError as e:
    print('caught', e)
print(next(it, 'finished after exception'))
def conv(xs):
    for x in xs:
        yield int(x)
try:
    print(list(conv(['1', 'x'])))
except ValueError as e:
    print(e)
def gen_with_handler():
    try:
        yield 1 / 0
    except ZeroDivisionError:
        yield 'handled'
print(list(gen_with_handler()))
