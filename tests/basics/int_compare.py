# comparisons of ints, floats and bools
print(1 < 2, 2 < 1, 1 <= 1, 1 > 0, 1 >= 2, 1 == 1, 1 != 1)
print(1 == 1.0, 1 < 1.5, 2 > 1.5, True == 1, False == 0, True + True)
print(1 < 2 < 3, 3 > 2 > 2, 1 == 1 == 1.0)
print(-0 == 0, 0 == -0.0)
print(max(1, 2.5), min(-1, False))
print(sorted([3, 1.5, True, 0, -2]))
