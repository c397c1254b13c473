# float powers, negative base with fractional exponent
print(2.0 ** 10, 2 ** 0.5, (-8.0) ** 3, 4.0 ** -0.5, 0.0 ** 0, 1.0 ** float('nan'))
try:
    2.0 ** 10000
except OverflowError as e:
    print(type(e).__name__, e)
