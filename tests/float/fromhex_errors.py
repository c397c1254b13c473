# fromhex errors and rounding
for s in ('0x1p-1075', '0x1p-1074', '0x1.fffffffffffff8p0', '0x1p1024'):
    try:
        print(float.fromhex(s))
    except OverflowError as e:
        print(type(e).__name__, e)
try:
    float.fromhex('xyz')
except ValueError as e:
    print(type(e).__name__, e)
