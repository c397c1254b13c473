# str() and repr() of numbers parse back to equal values
vals = [0, 1, -1, 255, 10 ** 20, -(2 ** 100), 0.0, -0.0, 0.5, 1e-300, 1.23456789e100, 2 ** 0.5]
for v in vals:
    t = type(v)
    print(t(str(v)) == v, t(repr(v)) == v, eval(repr(v)) == v)
