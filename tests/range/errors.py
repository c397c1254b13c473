# range errors
try:
    range(1, 2, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    range(10)[10]
except IndexError as e:
    print(type(e).__name__, e)
try:
    range(10).index(11)
except ValueError as e:
    print(type(e).__name__, e)
try:
    range(1.5)
except TypeError as e:
    print(type(e).__name__, e)
