# floats that equal ints hash equal
print(hash(1.0) == hash(1), hash(-2.0) == hash(-2), hash(0.5) == hash(0.5), hash(2.0**80) == hash(2**80), hash(-0.0) == hash(0))
