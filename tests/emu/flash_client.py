# skip-asan
# flash_client.py: tools/adder-flash against a model of the ESP8266 ROM loader on a pty (no emulator
# needed): SLIP framing and escapes, garbage before the frames, SYNC's repeated answers, the eFuse
# and SPI register arithmetic, FLASH_BEGIN's erase size (the ROM's double erase undone), FLASH_DATA
# checksums, reads through the SPI controller (pipelined), error statuses and timeouts.  Prints `N passed, N failed`.
import os
import pty
import struct
import subprocess
import sys
import threading
import tty

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FLASH = os.path.join(ROOT, 'tools', 'adder-flash')
SIZE = 1 << 20                           # a 1 MB flash (JEDEC 0x1440ef)
SECTOR = 0x1000


def slip(packet):
    return b'\xc0' + packet.replace(b'\xdb', b'\xdb\xdd').replace(b'\xc0', b'\xdb\xdc') + b'\xc0'


class FakeRom(threading.Thread):
    """The ROM loader's side of the protocol over the master end of a pty."""

    def __init__(self, fd):
        threading.Thread.__init__(self, daemon=True)
        self.fd = fd
        self.flash = bytearray(b'\xa5' * SIZE)
        self.regs = {0x40001000: 0xfff0c101, 0x3ff00050: 0x12000000, 0x3ff00054: 0x00013456,
                     0x3ff0005c: 0}
        self.erased = []                 # (offset, bytes) the ROM erased
        self.fail_data = False           # answer FLASH_DATA with error 0x07
        self.mute = False                # answer nothing at all
        self.begin = None

    def run(self):
        cur = None
        os.write(self.fd, b'ets Jan  8 2013,rst cause:2, boot mode:(1,7)\r\n\xc0junk')
        while True:
            try:
                data = os.read(self.fd, 4096)
            except OSError:
                return
            for b in data:
                if b == 0xc0:
                    if cur:
                        self.packet(bytes(cur).replace(b'\xdb\xdc', b'\xc0').replace(b'\xdb\xdd', b'\xdb'))
                    cur = bytearray()
                elif cur is not None:
                    cur.append(b)

    def answer(self, op, value=0, body=b'', status=0, err=0):
        data = body + bytes([status, err])
        os.write(self.fd, slip(struct.pack('<BBHI', 1, op, len(data), value) + data))

    def packet(self, p):
        _, op, size, chk = struct.unpack('<BBHI', p[:8])
        d = p[8:]
        if self.mute or len(d) != size:
            return
        words = struct.unpack('<%dI' % (min(len(d), 16) // 4), d[:min(len(d), 16) // 4 * 4])
        if op == 0x08:
            for _ in range(8):
                self.answer(op)
        elif op == 0x0a:
            self.answer(op, self.read_reg(words[0]))
        elif op == 0x09:
            for i in range(0, len(d) - 15, 16):          # one or more (addr, value, mask, delay)
                self.write_reg(*struct.unpack('<IIII', d[i:i + 16]))
            self.answer(op)
        elif op == 0x02:
            self.flash_begin(*words)
            self.answer(op)
        elif op == 0x03:
            block = d[16:]
            c = 0xef
            for x in block:
                c ^= x
            if c != chk or self.fail_data:
                self.answer(op, status=1, err=0x07)
                return
            at = self.begin + words[1] * 0x400
            self.flash[at:at + len(block)] = bytes(a & b for a, b in zip(self.flash[at:at + len(block)], block))
            self.answer(op)
        elif op == 0x04:
            self.answer(op)
        else:
            self.answer(op, status=1, err=0x05)

    def read_reg(self, addr):
        return self.regs.get(addr, 0)

    def write_reg(self, addr, value, mask, delay):
        self.regs[addr] = value
        if addr == 0x60000200 and value & (1 << 18):
            assert self.regs[0x60000224] & 0xff == 0x9f and self.regs[0x60000220] >> 8 == 23
            self.regs[addr] = 0                      # the user command completes at once
            self.regs[0x60000240] = 0x1440ef         # RDID's answer in W0
        elif addr == 0x60000200 and value & (1 << 31):   # READ: up to 64 bytes into W0..W15
            at, n = self.regs[0x60000204] & 0xffffff, self.regs[0x60000204] >> 24
            chunk = bytes(self.flash[at:at + n]).ljust(64, b'\0')
            for w in range(16):
                self.regs[0x60000240 + 4 * w] = struct.unpack('<I', chunk[4 * w:4 * w + 4])[0]
            self.regs[addr] = 0

    def flash_begin(self, erase, blocks, block_size, offset):
        # the ROM's erase: the requested sectors, plus as many again up to the 64 KB boundary
        sectors = (erase + SECTOR - 1) // SECTOR
        head = 16 - (offset // SECTOR) % 16
        n = (sectors + min(sectors, head)) * SECTOR if sectors else 0
        self.flash[offset:offset + n] = b'\xff' * n
        self.erased.append((offset, n))
        self.begin = offset


def run_flash(port, *args, timeout=60):
    return subprocess.run([sys.executable, FLASH, '--port', port, '--connect-timeout', '3'] + list(args),
                          capture_output=True, timeout=timeout)


def main():
    master, slave = pty.openpty()
    tty.setraw(master)
    port = os.ttyname(slave)
    rom = FakeRom(master)
    rom.start()
    tmp = '/tmp/flash_client.%d' % os.getpid()
    os.makedirs(tmp, exist_ok=True)
    passed = failed = 0

    def check(name, ok, detail=b''):
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
            print('FAIL %s: %s' % (name, detail.decode('utf-8', 'replace') if isinstance(detail, bytes) else detail))

    r = run_flash(port, 'chip_id')
    check('chip_id', r.returncode == 0 and r.stdout == b'Chip ID: 0x01345612\n', r.stdout + r.stderr)
    r = run_flash(port, 'read_mac')
    check('read_mac', r.returncode == 0 and r.stdout == b'MAC: ac:d0:74:34:56:12\n', r.stdout + r.stderr)
    r = run_flash(port, 'flash_id')
    check('flash_id', r.returncode == 0 and b'Manufacturer: ef\nDevice: 4014\nDetected flash size: 1MB\n'
          == r.stdout, r.stdout + r.stderr)

    # an image full of bytes SLIP must escape, not a multiple of 4 or of a block
    image = bytes([0xc0, 0xdb, 0x00, 0xff] * 1000 + [0x42] * 4001)
    path = os.path.join(tmp, 'image.bin')
    with open(path, 'wb') as f:
        f.write(image)
    rom.erased.clear()
    r = run_flash(port, 'write_flash', '0x3000', path)
    check('write_flash', r.returncode == 0 and rom.flash[0x3000:0x3000 + len(image)] == image, r.stderr)
    check('write_flash erases what it writes', rom.erased == [(0x3000, 0x2000)], str(rom.erased))
    check('write_flash pads to 4 with 0xff', rom.flash[0x3000 + len(image):0x3000 + len(image) + 3] == b'\xff' * 3)
    check('write_flash progress', b'Writing at 0x00003000... (0 %)' in r.stderr and b'(100 %)\n' in r.stderr,
          r.stderr)

    r = run_flash(port, 'verify_flash', '0x3000', path)
    check('verify_flash', r.returncode == 0, r.stderr)
    rom.flash[0x3000 + 5000] ^= 1
    r = run_flash(port, 'verify_flash', '0x3000', path)
    check('verify_flash mismatch', r.returncode == 2 and b'first at 0x00004388' in r.stderr, r.stderr)
    back = os.path.join(tmp, 'back.bin')
    r = run_flash(port, 'read_flash', '0x3001', '200', back)
    with open(back, 'rb') as f:
        check('read_flash', r.returncode == 0 and f.read() == bytes(rom.flash[0x3001:0x3001 + 200]), r.stderr)

    rom.erased.clear()
    r = run_flash(port, 'erase_region', '0xe000', '0x5000')
    check('erase_region', r.returncode == 0 and rom.erased == [(0xe000, 0x5000)], str(rom.erased))
    r = run_flash(port, 'erase_region', '0xe000', '0x100')
    check('erase_region alignment', r.returncode == 2 and b'multiples of 4096' in r.stderr, r.stderr)
    rom.erased.clear()
    r = run_flash(port, 'erase_flash')
    check('erase_flash', r.returncode == 0 and rom.erased == [(0, SIZE)] and rom.flash == b'\xff' * SIZE,
          str(rom.erased) + r.stderr.decode())

    rom.fail_data = True
    r = run_flash(port, 'write_flash', '0', path)
    check('ROM error status', r.returncode == 2 and b'ROM error 0x07 (invalid CRC in message)' in r.stderr, r.stderr)
    rom.fail_data = False
    rom.mute = True
    r = run_flash(port, 'chip_id')
    check('no answer', r.returncode == 2 and b'no answer to SYNC' in r.stderr, r.stderr)
    rom.mute = False
    r = run_flash(port, 'run')
    check('run', r.returncode == 0, r.stderr)
    r = subprocess.run([sys.executable, FLASH, '--help'], capture_output=True, timeout=10)
    check('--help', r.returncode == 0 and b'write_flash ADDR FILE' in r.stdout, r.stderr)

    for name in os.listdir(tmp):
        os.unlink(os.path.join(tmp, name))
    os.rmdir(tmp)
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
