# bitwise ops on negative and big ints follow two's complement
vals = [0, 5, -5, 2**70 + 3, -(2**70) - 3, -1]
for a in vals:
    print([a & b for b in vals], [a | b for b in vals], [a ^ b for b in vals], ~a)
