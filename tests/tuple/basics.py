# tuple construction, indexing, slicing
t = (1, 'a', 2.5)
print(t, t[0], t[-1], t[1:], t[::-1], (), (1,), tuple('ab'), tuple([1, 2]), len(t))
try:
    t[3]
except IndexError as e:
    print(type(e).__name__, e)
