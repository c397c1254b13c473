# round() with ndigits: banker's rounding on the decimal value
print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5), round(2.675, 2), round(1.005, 2), round(0.125, 2))
print(round(123.456, -1), round(123.456, 1), round(-0.5), round(1e300, 2), round(5.5, 0), type(round(5.5)).__name__, type(round(5.5, 0)).__name__)
try:
    round(float('inf'))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    round(float('nan'))
except ValueError as e:
    print(type(e).__name__, e)
