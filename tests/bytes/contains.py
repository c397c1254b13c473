# in for bytes: ints and subsequences
b = b'hello'
print(104 in b, 0 in b, b'ell' in b, b'' in b, bytearray(b'lo') in b)
try:
    256 in b
except ValueError as e:
    print(type(e).__name__, e)
