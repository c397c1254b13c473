# io.IOBase: a Python class with readinto/write is a stream (MicroPython's protocol).
import io


class Source(io.IOBase):
    def __init__(self, data):
        self.data = data
        self.pos = 0

    def readinto(self, buf):
        n = min(len(buf), len(self.data) - self.pos, 3)
        buf[:n] = self.data[self.pos:self.pos + n]
        self.pos += n
        return n


class Sink(io.IOBase):
    def __init__(self):
        self.chunks = []

    def write(self, b):
        self.chunks.append(b)   # print() passes str, as CPython's print does
        return len(b)

    def ioctl(self, req, arg):
        self.chunks.append(("ioctl", req))
        return 0


s = Source(b"line one\nline two\nlast")
print(s.readline(), s.read(4), s.read())
s = Source(b"a\nbb\nccc\n")
print(list(s))
with Source(b"xyz") as s:
    print(s.read(2))
k = Sink()
print("hello", file=k)
k.flush()
k.close()
print(k.chunks)
sink = Sink()
import os
os.dupterm(sink)
print("mirrored")
os.dupterm(None)
print(sink.chunks)
