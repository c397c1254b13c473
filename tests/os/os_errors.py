# OSError subclasses, errno values and messages from os functions.
import errno
import os

d = "_tmp_oserr_" + "".join("%02x" % b for b in os.urandom(4))


def attempt(f, *args):
    try:
        r = f(*args)
        print("ok", r)
    except OSError as e:
        print(type(e).__name__, errno.errorcode[e.errno], str(e).replace(d, "D"))


attempt(os.listdir, d)
attempt(os.stat, d)
attempt(os.rmdir, d)
attempt(os.remove, d)
attempt(os.chdir, d)
attempt(os.rename, d, d + "2")
os.mkdir(d)
attempt(os.mkdir, d)
with open(d + "/f", "w") as f:
    f.write("x")
attempt(os.rmdir, d)
attempt(os.remove, d)
attempt(os.listdir, d + "/f")
attempt(os.chdir, d + "/f")
attempt(os.mkdir, d + "/f/g")
os.remove(d + "/f")
os.rmdir(d)
try:
    os.stat(1.5)
except TypeError:
    print("TypeError")
e = OSError(errno.ENOENT, "No such file or directory", "name")
print(e, e.errno, e.strerror, e.filename, type(e).__name__)
print(OSError(errno.EEXIST, "x").__class__.__name__, isinstance(OSError(errno.EACCES, "y"), PermissionError))
print(errno.ENOENT, errno.EEXIST, errno.EAGAIN, errno.EINVAL, errno.ETIMEDOUT, errno.ENOTEMPTY)
print(errno.errorcode[errno.EAGAIN], errno.errorcode[errno.EISDIR], errno.errorcode[errno.EOPNOTSUPP])
