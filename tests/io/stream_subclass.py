# Subclasses of StringIO/BytesIO keep the stream behaviour and add their own.
import io


class Upper(io.StringIO):
    def shout(self):
        return self.getvalue().upper()


u = Upper("abc\ndef\n")
print(u.readline(), end="")
u.seek(0, 2)
u.write("ghi\n")
print(u.shout(), end="")
u.seek(0)
print(list(u), isinstance(u, io.StringIO))


class Counting(io.BytesIO):
    writes = 0

    def write(self, b):
        Counting.writes += 1
        return super().write(b)


c = Counting()
c.write(b"ab")
c.write(b"cd")
print(c.getvalue(), Counting.writes, c.tell())
c.seek(1)
print(c.read(2))
print("to a subclass", file=Upper())
s = Upper()
print("printed", 1, 2, file=s)
print(repr(s.getvalue()))
