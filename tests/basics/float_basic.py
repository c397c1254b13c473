# float arithmetic basics
print(0.1 + 0.2, 1.5 * 2, 7.0 / 2, 7.0 // 2, 7.5 % 2, -7.5 % 2, 2.0 ** 0.5)
print(1e3, 1.5e-3, 1E10, 1e16, 1e22, 123456789.0, 1e-5, 0.0001)
print(float('1.5'), float(' -2 '), float('inf'), float('-inf'), float('nan'), float(3))
print(-0.0, 0.0 == -0.0, 1.0 == 1, 3.0.is_integer(), 3.5.is_integer())
print(round(2.5), round(3.5), round(-2.5), round(1.2345, 2), round(1234.5, -2))
print(int(1e10), float(10 ** 20), 1_000.5)
print(abs(-1.5), divmod(7.5, 2), divmod(-7.5, 2))
print(type(1.0).__name__, 3 * 1.0, 10 / 4)
