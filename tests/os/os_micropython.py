# MicroPython-only parts of os: uname, ilistdir, VfsPosix, the u-prefixed module names.
import os
import errno
import io

u = os.uname()
print(len(u), u.sysname == u[0], type(u.release).__name__, u.machine == u[4])
print(sorted(k for k in dir(os) if k in ("VfsPosix", "VfsFlash", "dupterm", "ilistdir", "mount", "umount")))

d = "_tmp_mp_" + "".join("%02x" % b for b in os.urandom(4))
os.mkdir(d)
open(d + "/f.txt", "w").close()
os.mkdir(d + "/dir")
for entry in sorted(os.ilistdir(d)):
    print(entry[0], hex(entry[1]), len(entry) >= 3)

# a second VfsPosix mounted on a host directory
v = os.VfsPosix(d)
os.mount(v, "/mnt_" + d)
print(sorted(os.listdir("/mnt_" + d)))
with open("/mnt_" + d + "/dir/g.txt", "w") as f:
    f.write("via mount")
print(open(d + "/dir/g.txt").read())
os.umount("/mnt_" + d)
os.remove(d + "/dir/g.txt")
os.rmdir(d + "/dir")
os.remove(d + "/f.txt")
os.rmdir(d)

import uos, uio, uerrno
print(uos is os, uio is io, uerrno is errno)
import sys
print("uos" in sys.modules, sys.modules["uos"] is os)
try:
    import unosuchmodule
except ImportError as e:
    print("ImportError", e)
