# File errors: missing files, directories, closed files, wrong data types.
import os

d = "_tmp_ferr_" + "".join("%02x" % b for b in os.urandom(4))
os.mkdir(d)


def attempt(f, *args):
    try:
        r = f(*args)
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, isinstance(e, OSError) and e.errno, str(e).replace(d, "D"))


attempt(open, d + "/missing.txt")
attempt(open, d + "/missing.txt", "rb")
attempt(open, d + "/no/such/dir.txt", "w")
attempt(open, d)
attempt(open, d, "w")

f = open(d + "/t.txt", "w")
attempt(f.write, b"bytes")
attempt(f.write, 42)
f.close()
attempt(f.write, "x")
attempt(f.read)
attempt(f.readline)
attempt(f.seek, 0)
attempt(f.tell)
f.close()

g = open(d + "/t.txt", "wb")
attempt(g.write, "str")
attempt(g.seek, -1)
g.close()

os.remove(d + "/t.txt")
os.rmdir(d)
print("done")
