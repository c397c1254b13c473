# numeric literals with underscores, floats, exponents
print(1_2_3, 0x_1_F, 0o1_7, 0b1_0, 1_0.5_0, 1_0e1_0, .5, 5., 1e-3, 1E+2)
print(0.0, 00.5, 1_000_000.000_1, 0e0, 3.14e-10)
print(type(1e3).__name__, 1e3 == 1000, 0x7fffffffffffffff, 0xffffffffffffffffffff)
for src in ['1__0', '1_', '0x_', '0b2', '0o8', '09', '1e']:
    try:
        eval(src)
        print('ok', src)
    except SyntaxError as e:
        print('SyntaxError', src)
