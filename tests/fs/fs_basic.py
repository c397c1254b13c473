# The flash file system on a RAM device with NOR checks: create, write, append, overwrite in the
# middle, rename, delete and list in deep directories, errors as OSError with CPython's errnos,
# statvfs, remount, and a file system kept consistent across all of it.
import os
from _ramdev import RamDev, snapshot

dev = RamDev(4096, 48)
os.VfsFlash.mkfs(dev)
os.mount(os.VfsFlash(dev), '/ram')
print(os.listdir('/ram'))

# deep directories
p = '/ram'
for i in range(6):
    p += '/d%d' % i
    os.mkdir(p)
with open(p + '/leaf.txt', 'w') as f:
    print(f.write('deep\n'))
print(open('/ram/d0/d1/d2/d3/d4/d5/leaf.txt').read(), end='')
print(os.listdir('/ram/d0/d1/d2'), os.stat('/ram/d0/d1/d2/d3/d4/d5/leaf.txt')[6])
os.chdir('/ram/d0/d1')
print(os.getcwd(), os.listdir('.'), os.listdir('d2/../d2'))
os.chdir('/')

# append and overwrite in place (copy-on-write inside the inline part and the data sectors)
with open('/ram/a.bin', 'wb') as f:
    f.write(b'0123456789' * 1000)
with open('/ram/a.bin', 'ab') as f:
    f.write(b'END')
with open('/ram/a.bin', 'r+b') as f:
    f.seek(5)
    f.write(b'xx')
    f.seek(5000)
    f.write(b'yyyy')
    print(f.tell())
data = open('/ram/a.bin', 'rb').read()
want = bytearray(b'0123456789' * 1000 + b'END')
want[5:7] = b'xx'
want[5000:5004] = b'yyyy'
print(len(data), data == want)

# seek past the end leaves zeros
with open('/ram/gap.bin', 'wb') as f:
    f.write(b'ab')
    f.seek(6000)
    f.write(b'cd')
g = open('/ram/gap.bin', 'rb').read()
print(len(g), g[:2], g[2:6000] == bytes(5998), g[-2:])

# text mode, lines, iteration, with-statement, tell/seek
with open('/ram/t.txt', 'w') as f:
    for i in range(50):
        f.write('line %d\n' % i)
with open('/ram/t.txt') as f:
    lines = f.readlines()
    f.seek(0)
    first = f.readline()
print(len(lines), lines[-1], first, end='')
print(sum(1 for _ in open('/ram/t.txt')))

# rename: within a directory, across directories, over an existing file, a directory
os.rename('/ram/t.txt', '/ram/d0/t2.txt')
os.rename('/ram/gap.bin', '/ram/a.bin')
print(len(open('/ram/a.bin', 'rb').read()), sorted(os.listdir('/ram')))
os.rename('/ram/d0/d1', '/ram/moved')
print(open('/ram/moved/d2/d3/d4/d5/leaf.txt').read(), end='')
print(sorted(os.listdir('/ram')), os.listdir('/ram/d0'))

# errors
def err(f, *a):
    try:
        f(*a)
    except OSError as e:
        return e.errno
import errno
print(err(open, '/ram/none.txt') == errno.ENOENT, err(os.mkdir, '/ram/moved') == errno.EEXIST,
      err(os.rmdir, '/ram/moved') == errno.ENOTEMPTY, err(os.remove, '/ram/moved') == errno.EISDIR,
      err(os.rmdir, '/ram/a.bin') == errno.ENOTDIR, err(open, '/ram/moved', 'w') == errno.EISDIR,
      err(os.rename, '/ram/moved', '/ram/moved/d2/x') == errno.EINVAL,
      err(open, '/ram/a.bin/x') == errno.ENOTDIR, err(open, '/ram/' + 'n' * 70, 'w') == errno.ENAMETOOLONG,
      err(open, '/ram/a.bin', 'x') == errno.EEXIST)

# delete everything depth-first, space comes back
def rmtree(p):
    for name, kind, *_ in os.ilistdir(p):
        if kind == 0x4000:
            rmtree(p + '/' + name)
            os.rmdir(p + '/' + name)
        else:
            os.remove(p + '/' + name)
before = os.statvfs('/ram')
rmtree('/ram')
after = os.statvfs('/ram')
print(os.listdir('/ram'), before[0], before[2], before[3] < after[3], after[3] == 47)

# remount sees the same tree
with open('/ram/keep.txt', 'w') as f:
    f.write('kept')
os.mkdir('/ram/sub')
s1 = snapshot(os, '/ram')
os.umount('/ram')
os.mount(os.VfsFlash(dev), '/ram')
print(snapshot(os, '/ram') == s1, s1)
os.umount('/ram')
