# bytes and bytearray
b = b'hello\x00\xff'
print(b, len(b), b[0], b[-1], b[1:3], list(b[:3]), b'ab' + b'cd', b'ab' * 2)
print(bytes(3), bytes([65, 66]), bytes('hé', 'utf-8'), bytes(range(3)), b'A' b'B')
print(b'abc'.upper(), b'a,b'.split(b','), b'-'.join([b'x', b'y']), b'hello'.find(b'l'))
print(b'abc' == b'abc', b'abc' < b'abd', b'b' in b'abc', 98 in b'abc', b'abc'.hex(), bytes.fromhex('4142'))
print(rb'\n', br'\t', b'\n\t\r', repr(b"'"), repr(b'"\''))
ba = bytearray(b'abc')
ba[0] = 120
ba.append(100)
ba.extend(b'ef')
print(ba, len(ba), ba[1], bytes(ba), bytearray(2), ba.decode())
del ba[0]
print(ba, ba[::-1])
for x in [lambda: b'a' + 'b', lambda: bytes([256]), lambda: b'abc'[5]]:
    try:
        x()
    except Exception as e:
        print(type(e).__name__, e)
