# 1, 1.0, True collapse in a set
s = {1, 1.0, True, 2, 2.0}
print(len(s), 1 in s, 1.0 in s, True in s, 3.0 in {3})
