# everyday int methods and conversions
print((255).bit_length(), (0).bit_length(), (-8).bit_length())
print((1024).to_bytes(2, 'big'), (1024).to_bytes(4, 'little'))
print(int.from_bytes(b'\x01\x00', 'big'), int.from_bytes(b'\x01\x00', 'little'))
print(int('42'), int(' -17 '), int('ff', 16), int('0x1f', 0), int('0b101', 0), int('z', 36))
print(int('1_000'), int(3.99), int(-3.99), int(True))
print(int('12', 8), int('0o17', 8))
for s in ['', '1.5', 'abc', '1__0']:
    try:
        int(s)
    except ValueError as e:
        print(e)
try:
    int('9', 8)
except ValueError as e:
    print(e)
print((5).real, (5).imag, (5).numerator, (5).denominator)
print((-5).__abs__(), (3).__add__(4))
