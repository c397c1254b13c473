# comparisons between bytes and bytearray; str never equal
print(b'a' == bytearray(b'a'), b'a' < b'b', b'ab' < b'b', b'' < b'\x00', b'a' == 'a')
print(hash(b'abc') == hash(b'abc'), {b'k': 1}[b'k'])
try:
    hash(bytearray(b'a'))
except TypeError as e:
    print(type(e).__name__, e)
