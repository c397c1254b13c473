# int <-> float conversion rounding and overflow
print(int(1.9), int(-1.9), int(1e20), float(2**53 + 1), float(2**63), float(-(2**100)), int(2.5e-10))
print(float(10**308), 2**1023 * 2 == 2.0**1024 if False else 'x')
try:
    float(10**400)
except OverflowError as e:
    print(type(e).__name__, e)
for v in (float('inf'), float('nan')):
    try:
        int(v)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
