# io.BytesIO: bytes in and out, any bytes-like object on write, readinto, seek past the end, truncate.
import io

b = io.BytesIO(b"abcdef")
print(b.read(2), b.tell(), b.read(), b.read(), b.tell())
b.seek(2)
print(b.write(b"ZZ"), b.getvalue())
print(b.write(bytearray(b"12")), b.write(memoryview(b"34")), b.getvalue())
b.seek(10)
b.write(b"!")
print(b.getvalue(), len(b.getvalue()))
b.seek(-3, 2)
print(b.read())
b.seek(0)
print(b.readline(), b.readlines())

buf = bytearray(4)
r = io.BytesIO(b"xyzw123")
print(r.readinto(buf), buf, r.readinto(buf), buf, r.readinto(buf))

lines = io.BytesIO(b"a\nbb\n\nccc")
for line in lines:
    print(line)

t = io.BytesIO(b"0123456789")
print(t.truncate(4), t.getvalue(), t.tell())
t.seek(0)
print(t.truncate(), t.getvalue())

with io.BytesIO() as w:
    w.write(b"data")
    print(w.getvalue())
print(w.closed)
print(io.BytesIO(bytearray(b"init")).read())
