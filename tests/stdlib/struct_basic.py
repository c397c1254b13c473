# struct: formats, byte orders, counts, alignment, errors (compared with CPython)
import struct

for fmt in ['<bBhHiIlLqQ', '>bBhHiIlLqQ', '!bBhHiIlLqQ', '=bBhHiIlLqQ']:
    b = struct.pack(fmt, -1, 255, -2, 65535, -3, 4294967295, -4, 4294967294, -5, 2 ** 64 - 1)
    print(fmt, struct.calcsize(fmt), b.hex(), struct.unpack(fmt, b))
print(struct.pack('<q', -2 ** 63), struct.pack('>Q', 2 ** 63), struct.unpack('<q', b'\x00' * 7 + b'\x80'))
print(struct.pack('<i', 123456789), struct.pack('>h', -12345), struct.pack('<H', 0xbeef))

# native: sizes and alignment as the host C compiler lays them out
print(struct.calcsize('bi'), struct.calcsize('ib'), struct.calcsize('bq'), struct.calcsize('bhbi'))
print(struct.calcsize('@bd'), struct.calcsize('=bd'), struct.calcsize('<bd'), struct.calcsize('c0i'))
print(struct.calcsize('P') == struct.calcsize('n') == struct.calcsize('N'))
print(struct.unpack('bi', struct.pack('bi', 1, 2)), struct.unpack('@hbq', struct.pack('@hbq', -7, 3, 99)))
print(struct.unpack('nN', struct.pack('nN', -5, 5)))

# repeat counts, pads, whitespace
print(struct.pack('<3h', 1, 2, 3), struct.unpack('<3h2x', b'\x01\x00\x02\x00\x03\x00\xff\xff'))
print(struct.pack('<2x b 3x', 7), struct.calcsize('< 2h 4x i'), struct.calcsize(''), struct.pack(''))
print(struct.calcsize(b'<10s'), struct.pack(b'>I', 1))

# chars, bools, strings
print(struct.pack('<c?c', b'a', 5, b'\xff'), struct.unpack('<c??', b'z\x00\x02'))
print(struct.pack('5s', b'ab'), struct.pack('2s', b'abcdef'), struct.pack('0s', b'x'), struct.pack('s', b'qq'))
print(struct.unpack('4s', b'ab\x00d'), struct.unpack('<3sb', b'xyz\x05'))
print(struct.pack('5p', b'ab'), struct.pack('3p', b'abcdef'), struct.unpack('5p', b'\x02abcd'))
print(struct.unpack('4p', b'\x09abc'), struct.pack('1p', b'x'))

# floats: f d e in both orders
for v in [0.0, -0.0, 1.0, -2.5, 3.14159, 1e10, 1e-10, 1e300, 5e-324, float('inf'), float('-inf')]:
    print(v, struct.pack('<d', v).hex(), struct.pack('>f', v if abs(v) < 1e38 else 0.0).hex(),
          struct.unpack('>f', struct.pack('>f', v if abs(v) < 1e38 else 0.0))[0])
for v in [0.0, -0.0, 1.0, -2.5, 3.14159, 65504.0, 6.1e-5, 5.96e-8, 1e-9, 2e-8, 3e-8, 1000.3,
          float('inf'), float('-inf')]:
    print(v, struct.pack('<e', v).hex(), struct.pack('>e', v).hex(), '%.10g' % struct.unpack('<e', struct.pack('<e', v))[0])
print(struct.unpack('<e', struct.pack('<e', 1.0009765625)), struct.unpack('<e', struct.pack('<e', 1.00048828125)))
print(struct.unpack('<e', struct.pack('<e', 1.00146484375)), struct.unpack('<e', struct.pack('<e', 65519.99)))
nan = struct.unpack('<d', struct.pack('<d', float('nan')))[0]
print(nan != nan, struct.unpack('<e', struct.pack('<e', float('nan')))[0] != 0)
print(struct.pack('<dfe', 1, 2, 3), struct.pack('<d', True))

# unpack_from, pack_into, iter_unpack
buf = bytearray(12)
struct.pack_into('<hi', buf, 2, -1, 0x01020304)
print(buf)
struct.pack_into('>H', buf, -2, 0xabcd)
print(buf, struct.unpack_from('<hi', buf, 2), struct.unpack_from('<H', buf), struct.unpack_from('>H', buf, offset=-2))
print(struct.unpack_from('<b', memoryview(b'\x00\x80'), 1), struct.unpack('<H', bytearray(b'\x01\x02')))
mv = memoryview(bytearray(4))
struct.pack_into('<I', mv, 0, 0xdeadbeef)
print(bytes(mv))
print(list(struct.iter_unpack('<hb', b'\x01\x00\x02\x03\x00\x04')))

class Idx:
    def __index__(self):
        return 42
print(struct.pack('<i', Idx()), struct.pack('<?', []), struct.pack('<q', True))

def err(f):
    try:
        f()
    except struct.error as e:
        print('struct.error')
    except Exception as e:
        print(type(e).__name__)
err(lambda: struct.pack('<b', 128))
err(lambda: struct.pack('<B', -1))
err(lambda: struct.pack('<h', 40000))
err(lambda: struct.pack('<H', 65536))
err(lambda: struct.pack('<i', 2 ** 31))
err(lambda: struct.pack('<I', -1))
err(lambda: struct.pack('<q', 2 ** 63))
err(lambda: struct.pack('<Q', 2 ** 64))
err(lambda: struct.pack('<Q', -1))
err(lambda: struct.pack('<i', 1.5))
err(lambda: struct.pack('<i', 'a'))
err(lambda: struct.pack('<f', 'a'))
err(lambda: struct.pack('<f', 1e300))
err(lambda: struct.pack('<e', 1e6))
err(lambda: struct.pack('<c', b'ab'))
err(lambda: struct.pack('<c', 'a'))
err(lambda: struct.pack('<s', 'a'))
err(lambda: struct.pack('<hh', 1))
err(lambda: struct.pack('<h', 1, 2))
err(lambda: struct.pack('<y', 1))
err(lambda: struct.pack('<n', 1))
err(lambda: struct.pack('<P', 1))
err(lambda: struct.calcsize('3'))
err(lambda: struct.unpack('<h', b'abc'))
err(lambda: struct.unpack_from('<i', b'abc'))
err(lambda: struct.unpack_from('<h', b'abcd', 3))
err(lambda: struct.unpack_from('<h', b'abcd', -5))
err(lambda: struct.pack_into('<h', bytearray(1), 0, 1))
err(lambda: struct.pack_into('<h', b'ab', 0, 1))
err(lambda: struct.iter_unpack('<h', b'abc'))
err(lambda: struct.iter_unpack('', b'abc'))
err(lambda: struct.unpack(5, b''))
try:
    struct.pack('<hi', 1)
except struct.error as e:
    print(e)
try:
    struct.unpack('<i', b'ab')
except struct.error as e:
    print(e)
try:
    struct.unpack_from('<i', b'abc', 1)
except struct.error as e:
    print(e)
