# Power loss at every write: a scripted workload (create, append, overwrite in the middle, mkdir,
# rename, rename over a file, delete, a multi-sector file) runs on a RAM device whose power is cut
# after write number k (the k-th program or erase lands half done, later ones not at all), for
# every k from 1 to the total.  After each cut the device is mounted again: the tree must be exactly
# the state after the last completed step or after the interrupted one (old or new, never broken,
# nothing synced lost), and the file system must still work.
import os
from _ramdev import RamDev, snapshot

H = {}

def opener(path, mode):
    def step():
        H['f'] = open(path, mode)
    return step

def writer(data, at=None):
    def step():
        f = H.pop('f')
        if at is not None:
            f.seek(at)
        f.write(data)
        f.close()
    return step

# each item ends at a sync point: creating a file commits it empty (as littlefs and POSIX do);
# what is written then commits at close, replacing the old content at once.  u scales the sizes
# so files span inline bytes and several data sectors on either geometry.
def workload(u):
    return [
        opener('/p/a', 'wb'), writer(b'A1'),
        lambda: os.mkdir('/p/d'),
        opener('/p/d/b', 'wb'), writer(bytes(range(256)) * 3 * u),
        opener('/p/a', 'ab'), writer(b'A2' * 40 * u),
        opener('/p/d/b', 'r+b'), writer(b'\x00' * 300 * u, 300 * u),
        lambda: os.rename('/p/a', '/p/d/a'),
        opener('/p/c', 'wb'), writer(b'C' * 600 * u),
        lambda: os.rename('/p/c', '/p/d/a'),
        lambda: os.remove('/p/d/b'),
        opener('/p/d/a', 'wb'), writer(b'short'),
        opener('/p/e', 'wb'), writer(b'E' * 1500 * u),
        lambda: os.mkdir('/p/d/sub'),
        lambda: os.rename('/p/e', '/p/d/sub/e'),
        lambda: os.remove('/p/d/sub/e'),
    ]

def sweep(bs, blocks, u):
    steps = workload(u)

    def fresh():
        dev = RamDev(bs, blocks)
        os.VfsFlash.mkfs(dev)
        dev.writes = 0
        os.mount(os.VfsFlash(dev), '/p')
        return dev

    # the reference run: the state after each step, and the number of writes
    dev = fresh()
    states = [snapshot(os, '/p')]
    for step in steps:
        step()
        states.append(snapshot(os, '/p'))
    os.umount('/p')
    total = dev.writes

    tried = lost = 0
    for k in range(1, total + 1):
        dev = fresh()
        dev.cut = k
        at = len(steps)
        for i, step in enumerate(steps):
            try:
                step()
            except OSError:
                pass   # a step may fail once its writes are gone: the power is off anyway
            if dev.writes >= k:
                at = i
                break
        H.clear()
        os.umount('/p')
        dev.cut = None
        os.mount(os.VfsFlash(dev), '/p')
        try:
            got = snapshot(os, '/p')
        except OSError as e:
            got = repr(e)
        tried += 1
        if got != states[at] and got != states[at + 1]:
            lost += 1
            print('cut at write', k, 'during step', at, ':',
                  got if isinstance(got, str) else [(p, c if c is None else len(c)) for p, c in got])
        with open('/p/after', 'wb') as f:
            f.write(b'still works')
        if open('/p/after', 'rb').read() != b'still works':
            print('not usable after cut', k)
        os.umount('/p')
    print('%d-byte sectors: cut points tried: %d of %d writes; lost: %d' % (bs, tried, total, lost))

sweep(512, 24, 1)
sweep(4096, 12, 8)
