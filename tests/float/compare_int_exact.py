# float/int comparisons are exact beyond 2**53
big = 2**53
print(float(big) == big + 1, float(big) < big + 1, float(big) <= big, 1e400 if False else 0, 0.5 < 1, -0.0 == 0)
print(9007199254740993 > 9007199254740992.0, 9007199254740993.0 == 9007199254740992)
