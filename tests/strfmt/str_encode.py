# encoding and decoding
s = 'naïve café ☕'
b = s.encode()
print(b, len(b), b.decode() == s, s.encode('utf-8') == b, s.encode('ascii', 'replace'), s.encode('ascii', 'ignore'))
print(b'caf\xc3\xa9'.decode('utf-8'), b'\xff'.decode('utf-8', 'replace'), b'ab\xffcd'.decode('utf-8', 'ignore'), b'abc'.decode('ascii'))
print(bytes('abc', 'ascii'), str(b'abc', 'utf-8'), bytearray('é', 'utf-8'), 'x'.encode('latin-1'), 'é'.encode('latin-1'))
try:
    'é'.encode('ascii')
except UnicodeEncodeError as e:
    print(type(e).__name__, isinstance(e, UnicodeError), isinstance(e, ValueError))
try:
    b'\xc3'.decode()
except UnicodeDecodeError as e:
    print(type(e).__name__, isinstance(e, UnicodeError))
