# str() of various objects and from bytes with encoding
print(str(), str(1), str(1.5), str([1, 'a']), str(None), str(b'ab'), str(b'caf\xc3\xa9', 'utf-8'))
print(str(b'abc', encoding='ascii'), str(bytearray(b'xy'), 'utf-8'))
try:
    str(b'\xff', 'utf-8')
except UnicodeDecodeError as e:
    print(type(e).__name__)
