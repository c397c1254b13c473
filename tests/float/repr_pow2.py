# repr is the shortest string that reads back, also just above powers of two, where the gap below
# is half the gap above and the correctly rounded digits may not read back (2**-24 -> ...063e-08)
for e in range(-1074, 1024, 3):
    print(repr(2.0 ** e), repr(-(2.0 ** e)))
s = 12345
for i in range(3000):
    s = (s * 6364136223846793005 + 1442695040888963407) & 0xffffffffffffffff
    x = (s >> 11) * 2.0 ** ((s & 0x7ff) - 1100)
    print(repr(x))
