# bitwise operators on ints, including negatives
print(12 & 10, 12 | 10, 12 ^ 10, ~12)
print(-12 & 10, -12 | 10, -12 ^ 10, ~-12)
print(1 << 5, 1 << 0, 256 >> 4, -256 >> 4, -1 >> 10)
print(0xff & ~0x0f, 5 & -1)
x = 0b1100
x |= 1
x &= 0b1101
x ^= 0b0110
x <<= 2
x >>= 1
print(x)
