# Errors: closed files, wrong argument types, bad seeks and modes.
import io


def attempt(f, *args):
    try:
        r = f(*args)
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)


s = io.StringIO("abc")
s.close()
attempt(s.read)
attempt(s.write, "x")
attempt(s.getvalue)
attempt(s.seek, 0)
attempt(s.tell)
attempt(s.readline)
s.close()
print("closed twice ok")

b = io.BytesIO()
attempt(b.write, "str")
attempt(b.write, 5)
attempt(b.seek, -1)
attempt(b.seek, 0, 5)
attempt(b.seek, 0, 2)
attempt(io.StringIO().write, 5)
attempt(io.StringIO().write, b"bytes")
attempt(io.BytesIO, "text")
attempt(io.StringIO, b"bytes")
attempt(io.BytesIO().readinto, b"immutable")

attempt(open, "x", "rw")
attempt(open, "x", "q")
attempt(open, "x", "rr")
attempt(open, "x", "bt")
attempt(open, "x", "")
attempt(open, "x", "rb", -1, "utf-8")
attempt(open, 3.5)
