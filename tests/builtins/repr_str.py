# repr and str of the core types
vals = [None, True, False, 0, -5, 2 ** 80, 1.5, -0.0, 1e100, 'a', "it's", 'q"', b'b', bytearray(b'ba'),
        [1, 'x'], (1,), (), {'k': [1]}, {1}, set(), frozenset({2}), range(3), slice(1, 2), ...,
        [[[]]], {'a': (1, 2.5)}]
for v in vals:
    print(repr(v), str(v))
print(repr(int), repr(str), repr(ValueError), str(list))
l = [1]
l.append(l)
print(l)
d = {}
d['self'] = d
print(d)
