# adder-args: -X heapsize=8M
# deep recursion inside __repr__ and in nested containers
class R:
    def __repr__(self):
        return repr(self)
try:
    repr(R())
except RecursionError:
    print('RecursionError in __repr__')
# Deeper than CPython's recursion limit: either a RecursionError or a correct result is fine, a crash is not.
nested = []
for i in range(20000):
    nested = [nested]
try:
    s = repr(nested)
    print('deep list repr handled', len(s) == 40002)
except RecursionError:
    print('deep list repr handled', True)
a, b = [], []
for i in range(20000):
    a, b = [a], [b]
try:
    print('deep list == handled', a == b)
except RecursionError:
    print('deep list == handled', True)
print('still running')
