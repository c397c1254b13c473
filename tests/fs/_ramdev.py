# A RAM block device for the flash file system tests, speaking MicroPython's extended block-device
# protocol (readblocks/writeblocks with an offset, ioctl 3-6).  It enforces NOR rules (a write may
# only clear bits, so a sector must be erased before it is rewritten), counts writes and erases per
# sector, and can cut the power: after `cut` writes (programs and erases) every later write is
# dropped, and the cut write itself lands only half done (a torn program or erase).


class NorError(Exception):
    pass


class RamDev:
    def __init__(self, block_size=4096, blocks=32):
        self.bs = block_size
        self.n = blocks
        self.data = bytearray(b'\xff' * (block_size * blocks))
        self.writes = 0
        self.erases = [0] * blocks
        self.cut = None

    def _alive(self):
        self.writes += 1
        if self.cut is None or self.writes < self.cut:
            return 2
        return 1 if self.writes == self.cut else 0

    def readblocks(self, block, buf, offset=0):
        a = block * self.bs + offset
        buf[:] = self.data[a:a + len(buf)]

    def writeblocks(self, block, buf, offset=0):
        a = block * self.bs + offset
        if offset + len(buf) > self.bs:
            raise NorError('write crosses a sector')
        for i in range(len(buf)):
            if self.data[a + i] & buf[i] != buf[i]:
                raise NorError('write sets bits at sector %d offset %d' % (block, offset + i))
        alive = self._alive()
        n = len(buf) if alive == 2 else len(buf) // 2 if alive == 1 else 0
        self.data[a:a + n] = buf[:n]

    def ioctl(self, op, arg):
        if op == 4:
            return self.n
        if op == 5:
            return self.bs
        if op == 6:
            alive = self._alive()
            if alive:
                self.erases[arg] += 1
                n = self.bs if alive == 2 else self.bs // 2
                a = arg * self.bs
                self.data[a:a + n] = b'\xff' * n
            return 0
        return 0


def snapshot(os, root):
    """Every directory and file under root, as a sorted list of (path, None or content)."""
    out = []
    for name, kind, *_ in os.ilistdir(root):
        p = root + '/' + name
        if kind == 0x4000:
            out.append((p, None))
            out.extend(snapshot(os, p))
        else:
            with open(p, 'rb') as f:
                out.append((p, f.read()))
    return sorted(out)
