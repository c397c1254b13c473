# true division of ints is correctly rounded, including big ints
print(1 / 3, 10**30 / 10**10, (2**100 + 1) / 2**50, -7 / 2, 10**400 // 10**399)
try:
    10**400 / 1
except OverflowError as e:
    print(type(e).__name__, e)
print(10**400 / 10**399)
