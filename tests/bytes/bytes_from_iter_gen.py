# bytes from generator and bytearray from int count
print(bytes(x for x in range(65, 70)), bytearray(3), bytes(memoryview(b'mv')))
