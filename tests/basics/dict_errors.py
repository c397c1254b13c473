# dict error cases
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: {}['missing'])
t(lambda: {}[1])
t(lambda: {}[(1, 'a')])
t(lambda: {}.pop('x'))
t(lambda: {}.popitem())
t(lambda: {[]: 1})
t(lambda: {1: 2}[[1]])
t(lambda: dict([1, 2]))
t(lambda: dict([(1, 2, 3)]))
def mut():
    d = {1: 1, 2: 2}
    for k in d:
        d[k + 10] = 0
t(mut)
try:
    {}['k']
except KeyError as e:
    print(repr(e), e.args)
