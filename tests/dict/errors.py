# KeyError messages and pop/popitem errors
d = {}
for f in (lambda: d['k'], lambda: d.pop('k'), lambda: d.popitem(), lambda: d[(1, 2)]):
    try:
        f()
    except KeyError as e:
        print(type(e).__name__, e, repr(e))
try:
    d[[1]] = 2
except TypeError as e:
    print(type(e).__name__, e)
