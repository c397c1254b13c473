# float() from strings: valid forms and errors
print(float('1_000.5'), float('.5'), float('5.'), float('1e3'), float('  -1.5e-3  '), float('0x10') if False else 0)
for bad in ['', 'abc', '1.2.3', '1e', '_1', '1__0', 'in f']:
    try:
        float(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    float(None)
except TypeError as e:
    print(type(e).__name__, e)
