# crossing the small-int boundary in both directions, 31 and 63 bits
for bits in (30, 31, 32, 62, 63, 64):
    m = 2 ** bits
    print(bits, m - 1, m, m + 1, -m, -m - 1, (m + 1) - 2, (m - 1) + 1, m * 2 // 2, -(-m))
x = 2 ** 62
print(x + x, x * 4, x - x, type(x - x).__name__, (x * 4) // 4 == x)
y = 0x3fffffffffffffff
print(y + 1, y * y, y << 1, (y << 1) >> 1, y ^ (y + 1))
z = 4611686018427387904
print(z * z, z - 1, hash(z) == hash(z), {z: 'k'}[2 ** 62])
print(-9223372036854775808 - 1, 9223372036854775807 + 1, -(2 ** 63) // -1)
