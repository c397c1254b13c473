# repr switches to exponent at 1e16 and 1e-4
for e in range(-6, 19, 3):
    print(10.0 ** e, 1.5 * 10.0 ** e)
