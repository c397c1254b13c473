# Wear levelling: 2000 rewrites of one small file on a 64-sector device.  Each rewrite erases one
# sector (a new inode, copy-on-write); the allocator walks round every free sector, so the erases
# spread evenly instead of hammering one sector.  Prints the erase counts (max and mean per
# sector, superblock excluded) and checks that the file and a second, static file are intact.
import os
from _ramdev import RamDev

dev = RamDev(4096, 64)
os.VfsFlash.mkfs(dev)
os.mount(os.VfsFlash(dev), '/w')
with open('/w/static.txt', 'w') as f:
    f.write('never rewritten')
N = 2000
for i in range(N):
    with open('/w/counter.txt', 'w') as f:
        f.write('%d' % i)
    if i % 500 == 499:   # remounts restart the allocator elsewhere, not at sector 1
        os.umount('/w')
        os.mount(os.VfsFlash(dev), '/w')
counts = dev.erases[1:]
mean = sum(counts) / len(counts)
print('rewrites', N, 'erases', sum(counts), 'max', max(counts), 'mean', round(mean, 1), 'min', min(counts))
print('levelled:', max(counts) <= mean * 1.5 + 2)
print(open('/w/counter.txt').read(), open('/w/static.txt').read())
os.umount('/w')
