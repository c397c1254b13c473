# deep recursion inside __repr__ and in nested containers
class R:
    def __repr__(self):
        return repr(self)
try:
    repr(R())
except RecursionError:
    print('RecursionError in __repr__')
nested = []
for i in range(50000):
    nested = [nested]
try:
    s = repr(nested)
    print('repr ok', len(s))
except RecursionError:
    print('RecursionError for deep list')
d = {}
cur = d
for i in range(50000):
    cur['k'] = {}
    cur = cur['k']
try:
    d == d.copy()
    print('eq ok')
except RecursionError:
    print('RecursionError in ==')
print('still running')
