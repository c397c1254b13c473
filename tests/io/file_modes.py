# open() modes on real files in a scratch directory: r w a x, +, b/t, seek/tell, readinto, iteration.
import os

d = "_tmp_modes_" + "".join("%02x" % b for b in os.urandom(4))
os.mkdir(d)
p = d + "/f.txt"

f = open(p, "w")
print(f.write("first line\n"), f.write("second\n"), f.write("ünïcode\n"))
f.close()
print(f.closed)

with open(p) as f:
    print(repr(f.readline()), repr(f.read(3)), repr(f.readline()), repr(f.read()))
with open(p) as f:
    print(f.readlines())
with open(p) as f:
    print([line for line in f])
with open(p, "rb") as f:
    data = f.read()
    print(data, len(data), f.tell())
    f.seek(6)
    print(f.read(4), f.tell())
    f.seek(-4, 2)
    print(f.read())
    f.seek(-2, 1)
    print(f.read(1))

with open(p, "a") as f:
    print(f.write("appended\n"))
with open(p) as f:
    print(f.read().split("\n"))

with open(p, "r+") as f:
    f.write("FIRST")
    f.seek(0)
    print(repr(f.readline()))

with open(p, "w+") as f:
    print(f.read() == "")
    f.write("new")
    f.seek(0)
    print(f.read())

with open(p, "rb+") as f:
    buf = bytearray(2)
    print(f.readinto(buf), buf)
    f.write(b"W")
with open(p, "rb") as f:
    print(f.read())

q = d + "/x.bin"
with open(q, "xb") as f:
    print(f.write(b"\x00\x01\xff"), f.write(bytearray(b"ab")))
try:
    open(q, "x")
except OSError as e:
    print(type(e).__name__, e.errno)
with open(q, "rb") as f:
    print(f.read(), f.read())

with open(q, "wb") as f:
    pass
with open(q, "rb") as f:
    print(f.read())

for name in os.listdir(d):
    os.remove(d + "/" + name)

with open(d + "/r.txt", "w") as f:
    print(f.name == d + "/r.txt", f.mode, f.closed)
print(f.closed)
os.remove(d + "/r.txt")
os.rmdir(d)
