# Directories and files through os: mkdir, listdir, chdir/getcwd, rename, remove, rmdir, stat.
import os

base = os.getcwd()
d = "_tmp_dirs_" + "".join("%02x" % b for b in os.urandom(4))
os.mkdir(d)
print(d in os.listdir(), d in os.listdir("."), d in os.listdir(base))
print(os.listdir(d))

for name in ("b.txt", "a.txt", "c.bin"):
    with open(d + "/" + name, "w") as f:
        f.write(name * 3)
os.mkdir(d + "/sub")
print(sorted(os.listdir(d)))

st = os.stat(d + "/a.txt")
print(len(st), st[6], st[0] & 0o170000 == 0o100000)
st = os.stat(d + "/sub")
print(st[0] & 0o170000 == 0o040000)
print(os.stat(d + "/sub/")[0] == st[0], os.stat(d + "/./sub/../sub")[0] == st[0])

os.chdir(d)
print(os.getcwd() == base.rstrip("/") + "/" + d)
print(sorted(os.listdir()))
with open("sub/inner.txt", "w") as f:
    f.write("inner")
os.chdir("sub")
print(os.listdir(), open("inner.txt").read(), open("../a.txt").read())
os.chdir("..")
os.rename("b.txt", "sub/moved.txt")
print(sorted(os.listdir()), sorted(os.listdir("sub")))
os.rename("sub", "renamed")
print(sorted(os.listdir("renamed")))
os.remove("renamed/inner.txt")
os.remove("renamed/moved.txt")
os.rmdir("renamed")
os.chdir("..")
print(os.getcwd() == base)

for name in sorted(os.listdir(d)):
    os.remove(d + "/" + name)
os.rmdir(d)
print(d in os.listdir())
