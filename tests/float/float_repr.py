# float repr is the shortest string that round-trips
vals = [0.1, 0.2, 0.3, 0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e15, 123456789012345678.0, 1e-4, 1e-5, 5e-324,
        1.7976931348623157e308, 2.2250738585072014e-308, 100.0, 1.5, -2.5, 3.14159, 2 ** 0.5,
        1e22, 1e21, 9007199254740993.0, 0.000123, 12345.678, 1.0e-10, 4.35, 0.3e1, 1 / 7]
for v in vals:
    r = repr(v)
    print(r, float(r) == v, str(v) == r)
print(float('inf'), -float('inf'), float('nan'), repr(float('-nan')))
