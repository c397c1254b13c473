# bit_length and bit_count
for v in (0, 1, -1, 255, -256, 2**100, -(2**100)):
    print(v.bit_length(), bin(v).count('1'))
