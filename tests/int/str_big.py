# str() of a 10000-digit number and back
n = 7 ** 11833
s = str(n)
print(len(s), s[:20], s[-20:], int(s) == n)
