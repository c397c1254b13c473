# int hashes follow CPython modulo 2**61 - 1 in hash(), dict and set alike
for v in [0, 1, -1, -2, 2**61-2, 2**61-1, 2**61, 2**62-1, -(2**61-1), -(2**61), -(2**62), 2**62, 2**70]:
    print(v, hash(v), hash(v) == hash(float(v)) or v > 2**53, v in {v}, {v: 1}.get(v), float(v) in {v} if abs(v) < 2**53 or v % 2**10 == 0 else None)
print(2**61 in {2.0**61}, {2**61:1}.get(2.0**61))
