# Open handles and bad devices: a reader follows its file to the newest committed content, a
# deleted file's reader gets EBADF, unclosed handles do not pin memory, umount commits writes
# still pending, two writers of one file (the last one wins), a read-only mount, and devices
# that are unformatted, the wrong shape, full of garbage or raising errors give OSErrors.
import os, gc, errno
from _ramdev import RamDev

dev = RamDev(4096, 16)
os.VfsFlash.mkfs(dev)
os.mount(os.VfsFlash(dev), '/r')
with open('/r/a', 'w') as f:
    f.write('one')
r = open('/r/a')
with open('/r/a', 'w') as f:
    f.write('two!')
print(r.read())
r2 = open('/r/a')
os.remove('/r/a')
try:
    r2.read()
except OSError as e:
    print('read after remove:', e.errno == errno.EBADF)

gc.collect()
free = gc.mem_free()
for i in range(300):
    open('/r/x', 'w').write('abc%d' % i)   # never closed: the next writer commits it first
    open('/r/x').read()
gc.collect()
print(open('/r/x').read(), 'memory kept:', gc.mem_free() > free - 4000)

w1 = open('/r/two', 'w')
w2 = open('/r/two', 'w')
w1.write('first')
w2.write('second')
w1.close()
w2.close()
print(open('/r/two').read())

w = open('/r/pending', 'w')
w.write('pending')
os.umount('/r')
os.mount(os.VfsFlash(dev), '/r')
print(open('/r/pending').read())
os.umount('/r')

os.mount(os.VfsFlash(dev), '/ro', readonly=True)
for f, a in ((open, ('/ro/new', 'w')), (os.mkdir, ('/ro/d',)), (os.remove, ('/ro/x',))):
    try:
        f(*a)
    except OSError as e:
        print('read-only:', e.errno == errno.EROFS)
print(sorted(os.listdir('/ro')))
os.umount('/ro')

def oserror(f, *a):
    try:
        f(*a)
        return 'no error'
    except OSError as e:
        return errno.errorcode.get(e.args[0], e.args[0])

print('unformatted:', oserror(os.VfsFlash, RamDev(4096, 8)))
print('block size 100:', oserror(os.VfsFlash.mkfs, RamDev(100, 8)))
print('too small:', oserror(os.VfsFlash.mkfs, RamDev(512, 2)))

# garbage everywhere but a valid superblock: mounts empty, works
g = RamDev(512, 16)
os.VfsFlash.mkfs(g)
seed = 12345
for i in range(512, len(g.data)):
    seed = (seed * 1103515245 + 12345) & 0x7fffffff
    g.data[i] = seed >> 16 & 0xff
os.mount(os.VfsFlash(g), '/g')
print('garbage:', os.listdir('/g'))
with open('/g/ok', 'w') as f:
    f.write('fine')
print(open('/g/ok').read())
os.umount('/g')

# a device whose writes fail: OSError(EIO), the volume stays usable for reading
class Failing(RamDev):
    broken = False
    def writeblocks(self, block, buf, offset=0):
        if self.broken:
            raise ValueError('broken')
        super().writeblocks(block, buf, offset)
b = Failing(512, 16)
os.VfsFlash.mkfs(b)
os.mount(os.VfsFlash(b), '/b')
with open('/b/keep', 'w') as f:
    f.write('kept')
b.broken = True
print('failing writes:', oserror(os.mkdir, '/b/d'))
b.broken = False
print(open('/b/keep').read(), os.listdir('/b'))
os.umount('/b')
