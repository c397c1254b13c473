# io.StringIO: initial value, read/readline/readlines, write at a position, getvalue, iteration.
import io

s = io.StringIO()
print(s.write("hello "), s.write("world\n"), s.write("line two\nthree"))
print(repr(s.getvalue()))
print(s.tell())
s.seek(0)
print(repr(s.read(5)), repr(s.readline()), repr(s.readline(4)), repr(s.readline()))
print(repr(s.readline()), repr(s.read()), repr(s.read(3)))
s.seek(0)
print(s.readlines())
s.seek(0)
print([l for l in s])

t = io.StringIO("abc\ndef\n")
print(repr(t.read()), t.tell())
t.seek(1)
t.write("XY")
print(repr(t.getvalue()), t.tell())
t.seek(0, 2)
t.write("end")
print(repr(t.getvalue()))

u = io.StringIO("one\ntwo\nthree")
print(list(u))
print(u.read(), repr(u.readline()))

with io.StringIO("ctx") as c:
    print(c.read(), c.closed)
print(c.closed)

e = io.StringIO("héllo wörld\n")
print(repr(e.read(2)), repr(e.read(4)), repr(e.readline()))
print(io.StringIO(None).getvalue() == "")
print(io.StringIO("x" * 1000).read(999)[-3:], len(io.StringIO("y" * 5000).read()))
