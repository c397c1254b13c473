# bytes/bytearray methods
b = b'  Hello, World  '
print(b.strip(), b.lower(), b.upper(), b.split(b','), b.replace(b'l', b'L'), b.startswith(b'  H'), b.count(b'l'))
print(b'a-b'.partition(b'-'), b'x'.join([b'1', b'2']), b'abc'.index(b'c'), b'%s' % b'fmt', b'ab'.center(6, b'*'))
print(b'hello'.decode(), b'ff00'.hex() if False else b'\xff\x00'.hex(), bytes.fromhex('de ad'), b'abc'[::-1], b'abc'.isalpha())
ba = bytearray(b'hello')
ba[0:1] = b'J'
ba += b'!'
ba.insert(0, 62)
print(ba, ba.pop(), ba.find(b'l'), ba.upper(), ba.split(b'l'), ba.reverse(), ba)
ba.remove(ord('J'))
print(ba, bytearray(b'x') * 3, len(bytearray(10)), bytearray(b'abc') == b'abc', b'abc' == bytearray(b'abc'))
mv = memoryview(b'abcdef')
print(mv[1], bytes(mv[1:3]), len(mv), mv.tobytes() if hasattr(mv, 'tobytes') else b'abcdef')
