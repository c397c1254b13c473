# int.from_bytes over bytes and bytearray
print(int.from_bytes(b'\x01\x00', 'big'), int.from_bytes(bytearray(b'\x01\x00'), 'little'), int.from_bytes(b'', 'big'))
