# comparisons between ints, big ints, floats and bools are exact
print(2**53 + 1 == 2.0**53, 2**53 + 1 > 2.0**53, 10**400 > 1e308, -10**400 < -1e308, 1 == 1.0, True == 1, 3 < 3.5)
print(10**400 < float('inf'), 10**400 == float('inf'), float('nan') == 1)
