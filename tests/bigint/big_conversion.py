# bigints to and from strings, floats, bytes
s = '123456789012345678901234567890'
n = int(s)
print(n, str(n) == s, int('-' + s), int('ff' * 20, 16), int('1' * 70, 2), int('z' * 15, 36))
print(float(2 ** 80), float(-(10 ** 30)), int(1e30), int(-1.5e20), int(2.0 ** 70))
print(n.to_bytes(13, 'big'), int.from_bytes(b'\xff' * 12, 'big'), int.from_bytes(b'\x01' + b'\x00' * 15, 'little'))
print((2 ** 64).to_bytes(9, 'little'), (-1).to_bytes(2, 'big', signed=True), int.from_bytes(b'\xff\xfe', 'big', signed=True))
print(repr(10 ** 40), f'{10 ** 30:,}', '%d' % 10 ** 25, '{:x}'.format(2 ** 90), format(-(2 ** 70), 'b'))
print(round(10 ** 30 + 1, -5), 10 ** 30 == 1e30, 2 ** 53 + 1 == float(2 ** 53 + 1), 2 ** 53 + 1 > float(2 ** 53))
try:
    float(10 ** 400)
except OverflowError as e:
    print(e)
try:
    (2 ** 70).to_bytes(2, 'big')
except OverflowError as e:
    print(e)
