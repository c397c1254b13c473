# int of float strings fails, int of big float exact
try:
    int('1e3')
except ValueError as e:
    print(type(e).__name__, e)
print(int(1e300) == 10**300, int(1e300) % 10**10, int(-2.0**80))
