# int to str near the digit limit and very large exponent results
n = 10**4299
print(len(str(n)), str(n)[:5])
try:
    str(10**4300)
except ValueError as e:
    print(type(e).__name__)
