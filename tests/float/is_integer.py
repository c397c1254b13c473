# is_integer and as_integer_ratio
for v in (1.0, 1.5, -0.0, 1e20, 0.1):
    print(v.is_integer(), v.as_integer_ratio())
try:
    float('inf').as_integer_ratio()
except OverflowError as e:
    print(type(e).__name__, e)
