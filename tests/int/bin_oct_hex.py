# bin/oct/hex of negatives and big ints
for v in (0, 10, -10, 2**70):
    print(bin(v), oct(v), hex(v))
