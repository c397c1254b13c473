# int hashes follow CPython's modular rule (modulus 2**61 - 1 on 64-bit) at the small-int boundary
for v in [2**61 - 2, 2**61 - 1, 2**61, 2**62 - 1, 2**62, 2**63, 2**64 + 5, -1, -2,
          -2**61 + 1, -2**61, -2**62, -2**61 - 1, 10**20]:
    print(v, hash(v), hash(v) == hash(float(v)) or v != float(v))
print(hash(True), hash(False), hash(2**61) == hash(1))
class I(int):
    pass
print(hash(I(2**61)), hash(I(-1)))
