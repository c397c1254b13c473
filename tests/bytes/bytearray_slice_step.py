# extended slice assignment and deletion on bytearray
a = bytearray(range(10))
a[::2] = b'\xff' * 5
print(a)
del a[::3]
print(a)
try:
    a[::2] = b'x'
except ValueError as e:
    print(type(e).__name__, e)
