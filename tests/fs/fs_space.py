# Space on the flash file system: many small files, one file as big as the flash allows (written,
# read back, then ENOSPC one sector later), filling the device until ENOSPC, and recovering the
# space after deletes; the NOR rules are checked by the RAM device on every write.
import os, errno
from _ramdev import RamDev

dev = RamDev(4096, 64)
os.VfsFlash.mkfs(dev)
vfs = os.VfsFlash(dev)
os.mount(vfs, '/ram')
total = os.statvfs('/ram')[3]
print(total)

# many small files: one sector each
os.mkdir('/ram/many')
n = 0
for i in range(40):
    with open('/ram/many/f%02d' % i, 'w') as f:
        f.write('file %d' % i)
    n += 1
ok = all(open('/ram/many/f%02d' % i).read() == 'file %d' % i for i in range(40))
print(n, ok, len(os.listdir('/ram/many')), os.statvfs('/ram')[3] == total - 41)
for i in range(40):
    os.remove('/ram/many/f%02d' % i)
os.rmdir('/ram/many')
print(os.statvfs('/ram')[3] == total)

# the biggest file: its inode sector holds the first 1920 bytes, every other free sector but one its
# data (the empty file's first inode stays live until the new one commits: copy-on-write)
free = os.statvfs('/ram')[3]
biggest = 1920 + (free - 2) * 4096
chunk = bytes(range(256)) * 16
with open('/ram/big', 'wb') as f:
    left = biggest
    while left:
        left -= f.write(chunk[:min(left, 4096)])
print(os.stat('/ram/big')[6] == biggest, os.statvfs('/ram')[3])
with open('/ram/big', 'rb') as f:
    same = True
    pos = 0
    while True:
        b = f.read(4096)
        if not b:
            break
        same = same and b == chunk[:len(b)] if pos % 4096 == 0 else same
        pos += len(b)
print(pos == biggest, same)
os.remove('/ram/big')

# a file one byte bigger than the free space: ENOSPC, and what was written before stays readable
try:
    with open('/ram/toobig', 'wb') as f:
        for i in range(free + 1):
            f.write(chunk)
    print('no error')
except OSError as e:
    print('ENOSPC', e.errno == errno.ENOSPC)
sz = os.stat('/ram/toobig')[6]
print(sz > 0, os.statvfs('/ram')[3])

# fill what is left with small files until ENOSPC; deleting gives the space back, then all works
made = 0
try:
    while True:
        with open('/ram/s%d' % made, 'w') as f:
            f.write('x')
        made += 1
except OSError as e:
    print('full', made, e.errno == errno.ENOSPC, os.statvfs('/ram')[3])
os.remove('/ram/toobig')
print(sorted(os.listdir('/ram')), os.stat('/ram/s%d' % made)[6])   # created, but no room to write
for i in range(made + 1):
    os.remove('/ram/s%d' % i)
print(sorted(os.listdir('/ram')), os.statvfs('/ram')[3] == total)
with open('/ram/after', 'w') as f:
    f.write('recovered')
print(open('/ram/after').read())

# the same after a remount: nothing leaked
os.umount('/ram')
os.mount(os.VfsFlash(dev), '/ram')
print(os.listdir('/ram'), os.statvfs('/ram')[3] == total - 1)
os.umount('/ram')
