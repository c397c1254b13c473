# bytes.hex with separators and fromhex
b = bytes([0, 1, 171, 255])
print(b.hex(), b.hex(':'), b.hex('-', 2), b''.hex(), bytearray(b'\x10').hex())
print(bytes.fromhex('00 01 ab ff'), bytes.fromhex(''), bytearray.fromhex('de ad'))
try:
    bytes.fromhex('0g')
except ValueError as e:
    print(type(e).__name__, e)
