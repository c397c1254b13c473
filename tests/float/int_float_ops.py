# mixed int/float arithmetic and big int conversion
print(1 + 1.5, 10**20 * 1.0, 3 * 0.1, 2**64 + 0.5, 7 // 2.0, -7 % 2.0, 1e20 == 10**20, 0.1 + 0.2 == 0.3)
