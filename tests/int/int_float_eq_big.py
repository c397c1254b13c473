# big int vs float equality and hashing at powers of two
for k in (52, 53, 63, 64, 100, 1023):
    print(k, 2**k == 2.0**k, hash(2**k) == hash(2.0**k), 2**k + 1 == 2.0**k)
