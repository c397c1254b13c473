# bytes() constructor forms and errors
print(bytes(), bytes(3), bytes([1, 2, 255]), bytes(range(3)), bytes('é', 'utf-8'), bytes(b'x'), bytes(bytearray(b'y')))
for bad in ([256], [-1], 'abc'):
    try:
        bytes(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    bytes(-1)
except ValueError as e:
    print(type(e).__name__, e)
