# bytes repr escapes and quoting
for b in [b'', b'abc', b"it's", b'\x00\x7f\x80\xff', b'\n\t\r\\', b'"', b'\'"']:
    print(repr(b))
print(repr(bytearray(b'a\x00')), repr(bytearray()))
