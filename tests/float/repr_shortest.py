# repr is the shortest round-tripping form
for v in (0.1, 0.2 + 0.1, 1e16, 1e15, 123456789012345678.0, 1e-5, 0.0001, 1.5e-7, 2.0**-1074, 1e22, 1e23, -0.0, 100.0, 1/3):
    print(repr(v), str(v))
