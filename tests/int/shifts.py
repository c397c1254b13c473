# shifts on small, big and negative ints
print(1 << 100, (1 << 100) >> 99, -1 >> 10, -(1 << 70) >> 3, 5 << 0, -5 >> 1, (2**64 - 1) >> 63, 1 >> 1000)
try:
    1 << -1
except ValueError as e:
    print(type(e).__name__, e)
