# unary ops and abs, including the small int / big int boundary
for v in (0, 1, -1, 2**62, -(2**62), 2**63, -(2**63), 2**64):
    print(-v, +v, abs(v), ~v)
