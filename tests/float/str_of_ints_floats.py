# str of floats that are integral
print(1.0, -1.0, 1e15, 123456789.0, 1e16, 2.0**60, float(10**15 + 1))
