# _rom_util.py: helpers for the mask-ROM tests (rom_boot.py, rom_loader.py, rom_stub.py): the
# emulator on a pty with a control socket, the boot log, and a minimal SLIP client of the ROM's
# serial protocol (just enough to test the ROM's side; tools/adder-flash is the real client).
import termios
import os
import re
import select
import signal
import socket
import struct
import subprocess
import tempfile
import time
import tty

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# the emulator under test: $ADDER_NODEMCU (make test also runs these on its ASan build)
EMU = os.path.abspath(os.environ.get('ADDER_NODEMCU') or os.path.join(ROOT, 'build', 'adder-nodemcu'))
IMAGE = os.path.join(ROOT, 'ports', 'esp8266', 'build', 'adder-esp8266.bin')
TIMEOUT = 10.0
SECTOR = 0x1000


def slip(packet):
    return b'\xc0' + packet.replace(b'\xdb', b'\xdb\xdd').replace(b'\xc0', b'\xdb\xdc') + b'\xc0'


def checksum(data):
    c = 0xef
    for b in data:
        c ^= b
    return c


def esptool_erase_size(offset, size):
    """esptool's ESP8266ROM.get_erase_size: what to ask the buggy ROM for to erase size bytes."""
    num = (size + SECTOR - 1) // SECTOR
    head = 16 - (offset // SECTOR) % 16
    head = min(head, num)
    return (num + 1) // 2 * SECTOR if num < 2 * head else (num - head) * SECTOR


class Results:
    def __init__(self):
        self.passed = self.failed = 0

    def check(self, cond, what):
        if cond:
            self.passed += 1
        else:
            self.failed += 1
            print('FAIL:', what)

    def run(self, fn, *args):
        try:
            fn(self, *args)
        except Exception as e:          # a test that raised counts as one failure
            self.failed += 1
            print('FAIL: %s raised %r' % (fn.__name__, e))

    def report(self):
        print('%d passed, %d failed' % (self.passed, self.failed))
        return 1 if self.failed else 0


class Emu:
    """build/adder-nodemcu with a pty, a control socket and a flash file in a temporary directory."""

    def __init__(self, *extra, flash_bytes=None):
        self.dir = tempfile.TemporaryDirectory()
        tmp = self.dir.name
        self.port = os.path.join(tmp, 'tty')
        self.ctl_path = os.path.join(tmp, 'ctl')
        self.flash = os.path.join(tmp, 'flash.img')
        if flash_bytes is not None:
            with open(self.flash, 'wb') as f:
                f.write(flash_bytes)
        argv = [EMU, '--port', self.port, '--control', self.ctl_path, '--flash', self.flash,
                '--flash-size', '1M', '--fast-time', '--log', os.path.join(tmp, 'log')] + list(extra)
        self.proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE)
        self.wait(lambda: os.path.islink(self.port) and os.path.exists(self.ctl_path), 'startup')
        self.ctl = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.ctl.connect(self.ctl_path)
        self.ctl_file = self.ctl.makefile('rwb', buffering=0)
        self.fd = os.open(self.port, os.O_RDWR | os.O_NOCTTY)
        tty.setraw(self.fd, termios.TCSANOW)   # TCSAFLUSH would drop what the board already sent
        self.got = b''
        self.frames = []
        self.partial = None

    def wait(self, cond, what):
        end = time.monotonic() + TIMEOUT
        while not cond():
            if time.monotonic() > end or self.proc.poll() is not None:
                raise AssertionError('timed out waiting for ' + what)
            time.sleep(0.01)

    def command(self, line):
        self.ctl_file.write(line.encode() + b'\n')
        r, _, _ = select.select([self.ctl], [], [], TIMEOUT)
        assert r, 'no answer to ' + line
        return self.ctl_file.readline().decode().rstrip('\n')

    def read_some(self, timeout):
        r, _, _ = select.select([self.fd], [], [], max(timeout, 0))
        if not r:
            return b''
        data = os.read(self.fd, 65536)
        self.got += data
        self.slip_feed(data)
        return data

    def expect(self, pattern, timeout=TIMEOUT):
        """Reads until pattern (a bytes regex) matches what arrived since the last match."""
        end = time.monotonic() + timeout
        while True:
            m = re.search(pattern, self.got, re.S)
            if m:
                self.got = self.got[m.end():]
                return m
            left = end - time.monotonic()
            assert left > 0, 'timed out waiting for %r; got %r' % (pattern, self.got[-300:])
            self.read_some(left)

    def slip_feed(self, data):
        for b in data:
            if b == 0xc0:
                if self.partial:
                    self.frames.append(bytes(self.partial).replace(b'\xdb\xdc', b'\xc0')
                                       .replace(b'\xdb\xdd', b'\xdb'))
                self.partial = bytearray()
            elif self.partial is not None:
                self.partial.append(b)

    def frame(self, timeout=TIMEOUT):
        end = time.monotonic() + timeout
        while not self.frames:
            left = end - time.monotonic()
            if left <= 0:
                return None
            self.read_some(left)
        return self.frames.pop(0)

    def drain(self, quiet=0.3):
        """Everything until the line has been quiet for `quiet` seconds."""
        while self.read_some(quiet):
            pass
        self.got, frames, self.frames = b'', self.frames, []
        return frames

    def send(self, op, data=b'', chk=0):
        os.write(self.fd, slip(struct.pack('<BBHI', 0, op, len(data), chk) + data))

    def request(self, op, data=b'', chk=0, timeout=TIMEOUT):
        """Sends a command; the first response frame as (op, value, body) or None."""
        self.frames = []
        self.partial = None
        self.got = b''
        self.send(op, data, chk)
        f = self.frame(timeout)
        self.got = self.got[self.got.rfind(b'\xc0') + 1:]   # what came after the answer
        if f is None or len(f) < 8:
            return None
        d, rop, size, value = struct.unpack('<BBHI', f[:8])
        return rop, value, f[8:]

    def status(self, op, data=b'', chk=0, timeout=TIMEOUT):
        """(status, error) of a command answered with the same op, or None."""
        r = self.request(op, data, chk, timeout)
        if r is None or r[0] != op or len(r[2]) < 2:
            return None
        return r[2][-2], r[2][-1]

    def read_reg(self, addr):
        r = self.request(0x0a, struct.pack('<I', addr))
        assert r and r[0] == 0x0a and r[2][-2:] == b'\0\0', 'READ_REG 0x%x: %r' % (addr, r)
        return r[1]

    def sync(self):
        for _ in range(20):
            self.frames = []
            self.send(0x08, b'\x07\x07\x12\x20' + b'\x55' * 32)
            end = time.monotonic() + 0.5
            got = []
            while time.monotonic() < end and len(got) < 8:
                f = self.frame(end - time.monotonic())
                if f:
                    got.append(f)
            if got:
                self.drain(0.2)
                return got
        return []

    def enter_loader(self):
        """Resets with GPIO0 held low and waits for the ROM's download-mode boot line."""
        assert self.command('boot') == 'ok boot'
        self.expect(rb'boot mode:\(1,6\)\r\n\r\n')
        self.wait(lambda: self.command('state') == 'ok loader', 'the loader')

    def finish(self):
        """Quits; returns the flash file's contents and the emulator's stderr."""
        try:
            os.close(self.fd)
        except OSError:
            pass
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            _, err = self.proc.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            _, err = self.proc.communicate()
        self.ctl.close()
        with open(self.flash, 'rb') as f:
            flash = f.read()
        self.dir.cleanup()
        return flash, err.decode(errors='replace')
