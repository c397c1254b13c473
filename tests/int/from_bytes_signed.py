# from_bytes with signed=True for various widths
for b in (b'\x80', b'\x7f', b'\xff\x00', b'\x00\xff', b'\x80' + b'\x00' * 10):
    print(int.from_bytes(b, 'big', signed=True), int.from_bytes(b, 'little', signed=True))
print((-2**79).to_bytes(10, 'big', signed=True).hex(), (127).to_bytes(1, 'little', signed=True))
try:
    (128).to_bytes(1, 'big', signed=True)
except OverflowError as e:
    print(type(e).__name__, e)
