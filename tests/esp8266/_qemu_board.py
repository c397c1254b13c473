# _qemu_board.py: the ESP8266 firmware's board-level behaviour under QEMU (run by
# `make -C ports/esp8266 test` after the suite; a helper name so host runs skip it): the banner, a
# heap of at least 40 KB, Ctrl-C interrupting a busy loop (the UART interrupt), a Timer callback
# while Python computes (the tick interrupt), machine.freq, sleeping, and the flash file system
# surviving a soft reset.
import os
import select
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ELF = os.path.join(ROOT, 'ports', 'esp8266', 'build-qemu', 'firmware.elf')
QEMU = ['qemu-system-xtensa', '-M', 'lx60', '-cpu', 'lx106', '-display', 'none', '-monitor', 'none',
        '-serial', 'stdio', '-semihosting', '-kernel', ELF]


class Board:
    def __init__(self):
        self.p = subprocess.Popen(QEMU, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.buf = b''

    def read_until(self, marker, timeout=10):
        end = time.time() + timeout
        while marker not in self.buf:
            left = end - time.time()
            if left <= 0:
                fail('no %r; got %r' % (marker, self.buf[-300:]))
            r, _, _ = select.select([self.p.stdout], [], [], left)
            if r:
                data = os.read(self.p.stdout.fileno(), 4096)
                if not data:
                    fail('QEMU exited; got %r' % self.buf[-300:])
                self.buf += data
        i = self.buf.index(marker) + len(marker)
        out, self.buf = self.buf[:i], self.buf[i:]
        return out

    def send(self, b):
        self.p.stdin.write(b)
        self.p.stdin.flush()

    def run(self, src, timeout=10):
        """Raw REPL: (stdout, exception text)."""
        self.send(src.encode() + b'\x04')
        self.read_until(b'OK', timeout)
        out = self.read_until(b'\x04', timeout)[:-1]
        err = self.read_until(b'\x04', timeout)[:-1]
        self.read_until(b'>', timeout)
        return out.replace(b'\r\n', b'\n').decode(), err.replace(b'\r\n', b'\n').decode()

    def close(self):
        self.p.kill()
        self.p.wait()


board = None


def fail(msg):
    print('FAIL:', msg)
    if board is not None:
        board.close()
    sys.exit(1)


def check(cond, msg):
    if not cond:
        fail(msg)


board = Board()
banner = board.read_until(b'>>> ')
check(b'ESP module (QEMU lx60) with ESP8266' in banner, 'banner %r' % banner)
board.send(b'\x01')
board.read_until(b'raw REPL; CTRL-B to exit\r\n>')

out, err = board.run('import gc\ngc.collect()\nprint(gc.mem_free() + gc.mem_alloc())')
check(not err and int(out) >= 40 * 1024, 'heap %r %r' % (out, err))
print('heap', int(out), 'bytes')

# Ctrl-C: the code runs, the byte comes in through the UART interrupt
board.send(b'n = 0\nwhile True:\n    n += 1\n\x04')
board.read_until(b'OK')
time.sleep(0.5)
board.send(b'\x03')
out = board.read_until(b'\x04')
err = board.read_until(b'\x04')
board.read_until(b'>')
check(b'KeyboardInterrupt' in err, 'Ctrl-C gave %r %r' % (out, err))
out, err = board.run('print(n > 0)')
check(out == 'True\n', 'the loop ran: %r %r' % (out, err))

# a Timer callback while Python computes: the tick interrupt raises the VM's pending flag
out, err = board.run('from machine import Timer\nimport time\nhits = []\n'
                     't = Timer(-1)\nt.init(period=20, mode=Timer.PERIODIC, callback=lambda t: hits.append(1))\n'
                     'end = time.ticks_add(time.ticks_ms(), 300)\n'
                     'while time.ticks_diff(end, time.ticks_ms()) > 0:\n    x = [i * i for i in range(10)]\n'
                     't.deinit()\nprint(len(hits) >= 5)', 20)
check(out == 'True\n', 'timer during computation: %r %r' % (out, err))

out, err = board.run('import machine\nprint(machine.freq())\nmachine.freq(160000000)\nprint(machine.freq())\n'
                     'machine.freq(80000000)\ntry:\n    machine.freq(100)\nexcept ValueError:\n    print("ValueError")')
check(out == '80000000\n160000000\nValueError\n', 'freq %r %r' % (out, err))

out, err = board.run('import time\nt = time.ticks_ms()\ntime.sleep_ms(100)\nd = time.ticks_diff(time.ticks_ms(), t)\n'
                     'print(100 <= d < 1000)')
check(out == 'True\n', 'sleep_ms %r %r' % (out, err))

# the flash file system at /, kept over a soft reset (Ctrl-D on an empty raw REPL)
out, err = board.run('import os\nwith open("/kept.txt", "w") as f:\n    f.write("flash")\nprint("kept.txt" in os.listdir("/"))')
check(out == 'True\n', 'file write %r %r' % (out, err))
board.send(b'\x04')
board.read_until(b'soft reboot')
board.read_until(b'raw REPL; CTRL-B to exit\r\n>')
out, err = board.run('print(open("/kept.txt").read())')
check(out == 'flash\n', 'file after soft reset %r %r' % (out, err))
board.close()
print('qemu board: ok')
