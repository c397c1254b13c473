# repr round-trips for many computed values
x = 0.1
bad = 0
for i in range(2000):
    x = x * 1.37 + 0.013
    if x > 1e6:
        x /= 1e6
    if float(repr(x)) != x:
        bad += 1
print('bad round trips:', bad)
vals = [i / 10 for i in range(-20, 21)]
print(vals)
print([i * 0.1 for i in range(10)])
print([2.0 ** -i for i in range(0, 60, 7)])
print([10.0 ** i for i in range(-8, 24, 3)])
