# set() from iterables and errors
print(sorted(set('abc')), sorted(set({1: 2})), sorted(set(range(3))), set(()))
try:
    set(1)
except TypeError as e:
    print(type(e).__name__, e)
