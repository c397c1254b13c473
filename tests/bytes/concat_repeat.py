# + and * on bytes and bytearray
print(b'ab' + b'cd', b'ab' * 2, bytearray(b'x') + b'y', b'x' + bytearray(b'y'), b'' * 5)
try:
    b'a' + 'b'
except TypeError as e:
    print(type(e).__name__, e)
