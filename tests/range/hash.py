# range hashing equals for equal ranges
print(hash(range(0)) == hash(range(3, 3)), hash(range(1, 4)) == hash(range(1, 4)))
