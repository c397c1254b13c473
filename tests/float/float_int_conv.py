# conversions between floats and ints near the edges
print(int(1e15), int(1e16), int(-1e18), int(1.9999999999999998), int(2 ** 63 + 0.0), int(-(2.0 ** 64)))
print(float(2 ** 63), float(2 ** 63 - 1), float(10 ** 16 + 1), float(-(2 ** 100)), 2 ** 63 == float(2 ** 63))
print(round(1e15 + 0.5), round(-1e15 - 0.5), round(123.456, 1), round(-123.456, -1), round(0.0), round(-0.4))
print(float(True), int(False), 3.0 == 3, 3.0 .is_integer(), (2.0 ** 0.5).is_integer())
