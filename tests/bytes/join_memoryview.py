# join accepts any bytes-like items
print(b'-'.join([b'a', bytearray(b'b'), memoryview(b'c')]), bytearray(b',').join([b'x', b'y']))
