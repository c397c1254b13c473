# binascii: hex, base64, crc32 and their errors, compared with CPython
import binascii

for d in [b'', b'\x00', b'\x01\xab\xff', bytes(range(20)), bytearray(b'Adder'), memoryview(b'mv!')]:
    print(binascii.hexlify(d))
print(binascii.hexlify(b'\x01\x02\x03\x04\x05', ':'))
print(binascii.hexlify(b'\x01\x02\x03\x04\x05', b'-', 2))
print(binascii.hexlify(b'\x01\x02\x03\x04\x05', ' ', -2))
print(binascii.hexlify(b'\x01', ':'), binascii.hexlify(b'', ':'))
print(binascii.unhexlify(b'01abFF'), binascii.unhexlify('deadBEEF'), binascii.unhexlify(''))
rt = bytes(range(256))
print(binascii.unhexlify(binascii.hexlify(rt)) == rt)

for d in [b'', b'f', b'fo', b'foo', b'foob', b'fooba', b'foobar', bytes(range(250, 256))]:
    e = binascii.b2a_base64(d)
    print(e, binascii.b2a_base64(d, newline=False), binascii.a2b_base64(e))
print(binascii.a2b_base64(b2 := binascii.b2a_base64(rt)) == rt)
print(binascii.a2b_base64('Zm9v YmFy\n'), binascii.a2b_base64(b'Zm9vYg=='), binascii.a2b_base64(b'Zm9vYg==junk'))
print(binascii.a2b_base64(b'Zm9vYmE='), binascii.a2b_base64(b'Zm!9v'))

print(binascii.crc32(b''), binascii.crc32(b'hello world'), binascii.crc32(b'123456789'))
c = binascii.crc32(b'hello ')
print(binascii.crc32(b'world', c), binascii.crc32(b'x' * 1000), binascii.crc32(b'abc', 0xffffffff))
print(binascii.crc32(bytearray(b'abc'), 12345))

print(issubclass(binascii.Error, ValueError))
for bad in [lambda: binascii.unhexlify(b'abc'), lambda: binascii.unhexlify(b'zz'),
            lambda: binascii.a2b_base64(b'Zm9vY'), lambda: binascii.a2b_base64(b'Zm9vYg'),
            lambda: binascii.a2b_base64(b'Zm9vYg='), lambda: binascii.hexlify('str'),
            lambda: binascii.hexlify(b'ab', '::'), lambda: binascii.crc32(5),
            lambda: binascii.unhexlify('é0')]:
    try:
        bad()
    except binascii.Error as e:
        print('binascii.Error', e)
    except Exception as e:
        print(type(e).__name__, e)
