# negative step ranges
print(list(range(10, -10, -4)), range(10, -10, -4)[-1], len(range(-5, -15, -3)), -11 in range(-5, -15, -3))
