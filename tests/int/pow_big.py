# ** with big exponents, negative exponents, pow with modulus
print(2 ** 100, (-3) ** 41, 7 ** 0, 0 ** 0, 2 ** -2, (-2) ** -3)
print(pow(3, 200, 1000), pow(2, 10**5, 10**9 + 7), pow(-3, 3, 7), pow(3, -1, 7), pow(10**20, 3, -7))
try:
    pow(2, -1, 4)
except ValueError as e:
    print(type(e).__name__, e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print(type(e).__name__, e)
