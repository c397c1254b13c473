# right shift of negative big ints rounds toward negative infinity
for v in (-(2**100) - 1, -(2**100), -1, -2**64 + 1):
    print(v >> 1, v >> 64, v >> 200)
