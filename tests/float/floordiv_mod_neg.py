# float // and % follow the sign of the divisor
for a in (7.5, -7.5, 0.0, -0.0, 1e300):
    for b in (2.0, -2.0, 0.3):
        print(a // b, a % b, divmod(a, b))
