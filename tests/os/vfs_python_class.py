# os.mount of a VFS written in Python: open/ilistdir/stat/mkdir/remove/rename/chdir are dispatched
# to it by method name with the path inside the mount; "/" lists mount points next to the host tree.
import io
import os


class RamVfs:
    def __init__(self):
        self.files = {}
        self.dirs = {"/"}
        self.log = []

    def mount(self, readonly, mkfs):
        self.log.append(("mount", readonly, mkfs))

    def umount(self):
        self.log.append(("umount",))

    def open(self, path, mode):
        self.log.append(("open", path, mode))
        if "w" in mode:
            f = io.StringIO() if "b" not in mode else io.BytesIO()
            vfs = self
            close = f.close

            class Writer:
                def write(self, data):
                    return f.write(data)

                def close(self):
                    vfs.files[path] = f.getvalue()
                    close()

                def __enter__(self):
                    return self

                def __exit__(self, *a):
                    self.close()

            return Writer()
        if path not in self.files:
            raise OSError(2)
        data = self.files[path]
        if "b" in mode and isinstance(data, str):
            data = data.encode()
        return io.BytesIO(data) if "b" in mode else io.StringIO(data)

    def ilistdir(self, path):
        self.log.append(("ilistdir", path))
        prefix = path.rstrip("/") + "/"
        for name in sorted(self.files):
            if name.startswith(prefix) and "/" not in name[len(prefix):]:
                yield (name[len(prefix):], 0x8000, 0)
        for name in sorted(self.dirs):
            if name != "/" and name.startswith(prefix) and "/" not in name[len(prefix):]:
                yield (name[len(prefix):], 0x4000, 0)

    def stat(self, path):
        self.log.append(("stat", path))
        if path in self.dirs:
            return (0x4000, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        if path in self.files:
            return (0x8000, 0, 0, 0, 0, 0, len(self.files[path]), 0, 0, 0)
        raise OSError(2)

    def mkdir(self, path):
        self.log.append(("mkdir", path))
        self.dirs.add(path)

    def remove(self, path):
        self.log.append(("remove", path))
        del self.files[path]

    def rename(self, old, new):
        self.log.append(("rename", old, new))
        self.files[new] = self.files.pop(old)

    def chdir(self, path):
        self.log.append(("chdir", path))

    def statvfs(self, path):
        return (512, 512, 100, 50, 50, 0, 0, 0, 0, 255)


vfs = RamVfs()
os.mount(vfs, "/ram")
print(vfs.log)
print("ram" in os.listdir("/"))
with open("/ram/hello.txt", "w") as f:
    f.write("hello ram\n")
print(vfs.files)
print(open("/ram/hello.txt").read(), end="")
print(open("/ram/hello.txt", "rb").read())
os.mkdir("/ram/sub")
print(sorted(os.listdir("/ram")))
print(list(os.ilistdir("/ram")))
print(os.stat("/ram/hello.txt")[6], os.statvfs("/ram")[0])
os.rename("/ram/hello.txt", "/ram/sub/x.txt")
here = os.getcwd()
os.chdir("/ram/sub")
print(os.getcwd(), os.listdir())
print(open("x.txt").read(), end="")
os.chdir(here)
os.remove("/ram/sub/x.txt")
try:
    open("/ram/missing")
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e)
try:
    os.mount(RamVfs(), "/ram")
except OSError as e:
    print("OSError", e.errno)
vfs.log.clear()
os.umount("/ram")
print(vfs.log, "ram" in os.listdir("/"))
try:
    open("/ram/hello.txt")
except OSError as e:
    print("OSError", e.errno)
os.mount(vfs, "/ram2", readonly=True)
os.umount(vfs)
print(vfs.log)
