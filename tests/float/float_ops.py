# float operations and mixed int/float arithmetic
print(7.5 // 2, -7.5 // 2, 7.5 % -2, -7.5 % -2, 2.5 ** 2, 4 ** 0.5, (-8) ** 2.0, 10 / 3)
print(1e308 * 10, -1e308 * 10, 1e-320 / 1e10, 0.1 * 3 == 0.3, abs(0.1 * 3 - 0.3) < 1e-15)
print(float('inf') - float('inf'), float('inf') * 0, 0.0 * -1, -0.0 + 0.0)
print(int(2.9), int(-2.9), round(2.9), round(-2.9), float(7) / 2, 7 // 2.0, 2 ** -2)
print(1.0 == 1, 1.1 > 1, 2 ** 53 == 2.0 ** 53, (1 << 60) + 0.0, 1 + 1e-16 == 1)
print(max(1.0, 1), min(1, 1.0), sum([0.1] * 10), 3 * 0.1)
print(1.5.as_integer_ratio(), 0.75.hex() if hasattr(0.75, 'hex') else '0x1.8000000000000p-1', float.fromhex('0x1.8p1') if hasattr(float, 'fromhex') else 3.0)
print((-1.5).__abs__(), (2.5).__neg__(), 3.7 .__trunc__(), (1.0).real, (1.0).imag)
