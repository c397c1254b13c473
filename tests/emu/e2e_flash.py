# e2e_flash.py: the NodeMCU emulator end to end (runnable alone; prints `N passed, N failed`).
# skip-asan
# timeout: 900
# As a user drives a board: flash the firmware with tools/adder-flash (erase, write, verify), boot
# to `>>>`, blink GPIO2 over the raw REPL (seen in the VCD trace); flash again with esptool-js (its
# stub on the simulated CPU), boot, blink; power off and on: the firmware and a file Python wrote
# survive.  Every step has a timeout; the emulator is stopped at the end whatever happened.
import os
import re
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import termios
import time
import tty

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# the emulator under test: $ADDER_NODEMCU (make test also runs these on its ASan build)
EMU = os.path.abspath(os.environ.get('ADDER_NODEMCU') or os.path.join(ROOT, 'build', 'adder-nodemcu'))
FIRMWARE = os.path.join(ROOT, 'ports', 'esp8266', 'build', 'adder-esp8266.bin')
FLASH_TOOL = os.path.join(ROOT, 'tools', 'adder-flash')
JS_DIR = os.path.join(ROOT, 'tests', 'emu', 'esptool_js')
RAW_PROMPT = b'raw REPL; CTRL-B to exit\r\n>'
BLINK = b"""import machine, time
p = machine.Pin(2, machine.Pin.OUT)
for i in range(3):
    p.low()
    time.sleep_ms(20)
    p.high()
    time.sleep_ms(20)
print('blinked')
"""


class StepFailed(Exception):
    pass


class Emulator:
    """build/adder-nodemcu on a pty, with a flash file, a control socket and a VCD trace."""

    def __init__(self, tmp):
        self.tmp = tmp
        self.port = os.path.join(tmp, 'ttyUSB0')
        self.control = os.path.join(tmp, 'control.sock')
        self.flash = os.path.join(tmp, 'flash.img')
        self.proc = None
        self.runs = 0

    def start(self):
        self.runs += 1
        self.vcd = os.path.join(self.tmp, 'trace%d.vcd' % self.runs)
        self.log = open(os.path.join(self.tmp, 'emu%d.log' % self.runs), 'wb')
        self.proc = subprocess.Popen([EMU, '--port', self.port, '--flash', self.flash, '--control', self.control,
                                      '--trace', self.vcd], stdin=subprocess.DEVNULL, stdout=self.log,
                                     stderr=subprocess.STDOUT, start_new_session=True)
        end = time.monotonic() + 15
        while not (os.path.exists(self.port) and os.path.exists(self.control)):
            if self.proc.poll() is not None or time.monotonic() > end:
                raise StepFailed('the emulator did not create its pty and control socket: ' + self.log_tail())
            time.sleep(0.05)

    def command(self, line, timeout=10):
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.settimeout(timeout)
        try:
            s.connect(self.control)
            s.sendall(line.encode() + b'\n')
            answer = b''
            while not answer.endswith(b'\n'):
                chunk = s.recv(256)
                if not chunk:
                    break
                answer += chunk
        finally:
            s.close()
        if not answer.startswith(b'ok'):
            raise StepFailed('control %r answered %r' % (line, answer))
        return answer.decode().strip()

    def stop(self):
        """`quit` (the flash file and the VCD trace are flushed), else SIGTERM, else SIGKILL."""
        if self.proc is None:
            return
        try:
            self.command('quit', timeout=5)
        except (OSError, StepFailed):
            pass
        for sig in (None, signal.SIGTERM, signal.SIGKILL):
            if sig is not None:
                try:
                    os.killpg(self.proc.pid, sig)
                except OSError:
                    pass
            try:
                self.proc.wait(timeout=5)
                break
            except subprocess.TimeoutExpired:
                continue
        self.proc = None
        self.log.close()

    def log_tail(self):
        if not self.log.closed:
            self.log.flush()
        with open(self.log.name, 'rb') as f:
            return f.read()[-600:].decode('utf-8', 'replace')


class Console:
    """The pty as a terminal program would hold it (raw mode)."""

    def __init__(self, path):
        self.fd = os.open(path, os.O_RDWR | os.O_NOCTTY | os.O_NONBLOCK)
        tty.setraw(self.fd, termios.TCSANOW)   # TCSAFLUSH would drop what the board already sent
        attrs = termios.tcgetattr(self.fd)
        attrs[4] = attrs[5] = termios.B115200
        termios.tcsetattr(self.fd, termios.TCSANOW, attrs)
        self.buf = b''

    def read_until(self, marker, timeout, what):
        end = time.monotonic() + timeout
        while marker not in self.buf:
            left = end - time.monotonic()
            if left <= 0:
                raise StepFailed('no %s (%r) within %gs; got %r' % (what, marker, timeout, self.buf[-300:]))
            r, _, _ = select.select([self.fd], [], [], left)
            if r:
                try:
                    self.buf += os.read(self.fd, 4096)
                except (BlockingIOError, OSError):
                    time.sleep(0.01)
        i = self.buf.index(marker) + len(marker)
        out, self.buf = self.buf[:i], self.buf[i:]
        return out

    def drain(self, quiet=0.3):
        """Drops what the port has said so far (stops after quiet seconds of silence)."""
        while select.select([self.fd], [], [], quiet)[0]:
            try:
                if not os.read(self.fd, 4096):
                    break
            except (BlockingIOError, OSError):
                break
        self.buf = b''

    def write(self, data):
        view = memoryview(data)
        while view:
            select.select([], [self.fd], [], 1)
            try:
                view = view[os.write(self.fd, view[:256]):]
            except BlockingIOError:
                pass

    def raw_run(self, code, timeout=30):
        """MicroPython's raw REPL: (stdout, exception text) of code."""
        self.write(b'\r\x03\x03')
        self.drain(0.1)
        self.write(b'\r\x01')
        self.read_until(RAW_PROMPT, 10, 'raw REPL prompt')
        self.write(code + b'\x04')
        self.read_until(b'OK', 10, 'raw REPL OK')
        out = self.read_until(b'\x04', timeout, 'end of output')[:-1]
        err = self.read_until(b'\x04', 10, 'end of exception text')[:-1]
        self.read_until(b'>', 10, 'raw REPL prompt after the run')
        self.write(b'\x02')          # back to the friendly REPL
        return out, err

    def close(self):
        os.close(self.fd)


def gpio_changes(vcd_path, pin):
    """The levels GPIO pin took in a VCD trace, in order (consecutive duplicates dropped)."""
    with open(vcd_path, encoding='utf-8', errors='replace') as f:
        text = f.read()
    m = re.search(r'\$var wire 1 (\S+) gpio%d \$end' % pin, text)
    if not m:
        raise StepFailed('no gpio%d in the VCD trace %s' % (pin, vcd_path))
    ident = m.group(1)
    levels = []
    body = text.split('$enddefinitions $end', 1)[-1]
    for tok in body.split():
        if len(tok) == 1 + len(ident) and tok[0] in '01xz' and tok[1:] == ident:
            if not levels or levels[-1] != tok[0]:
                levels.append(tok[0])
    return levels


def run_tool(argv, timeout, what):
    try:
        r = subprocess.run(argv, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise StepFailed('%s: timed out after %gs' % (what, timeout))
    if r.returncode != 0:
        raise StepFailed('%s: exit %d\n%s' % (what, r.returncode, (r.stdout + r.stderr)[-1500:].decode('utf-8', 'replace')))
    return r.stdout.decode('utf-8', 'replace')


class E2E:
    def __init__(self, tmp):
        self.emu = Emulator(tmp)
        self.passed = self.failed = 0
        self.blinks = 0

    def step(self, name, fn):
        t = time.monotonic()
        try:
            fn()
        except (StepFailed, OSError) as e:
            self.failed += 1
            print('FAIL %s: %s' % (name, e))
            return False
        self.passed += 1
        print('ok   %s (%.1fs)' % (name, time.monotonic() - t), flush=True)
        return True

    def adder_flash(self, *args, timeout=300):
        return run_tool([sys.executable, FLASH_TOOL, '--port', self.emu.port, '--control', self.emu.control]
                        + list(args), timeout, 'adder-flash ' + ' '.join(args))

    def flash_ours(self):
        self.adder_flash('erase_flash', timeout=120)
        self.adder_flash('write_flash', '0', FIRMWARE)
        out = self.adder_flash('verify_flash', '0', FIRMWARE)
        if 'Verified' not in out:
            raise StepFailed('verify_flash said %r' % out)

    def boot(self):
        """Reset (EN) with the console open: the ROM's boot log, then the firmware's prompt."""
        self.console = Console(self.emu.port)
        self.console.drain()
        self.emu.command('reset')
        self.console.read_until(b'ets Jan  8 2013,rst cause:2', 20, 'ROM boot log')
        self.console.read_until(b'>>> ', 60, 'the firmware prompt')

    def blink(self):
        out, err = self.console.raw_run(BLINK)
        if err or out.strip() != b'blinked':
            raise StepFailed('blink: out %r err %r' % (out, err))
        self.blinks += 1

    def write_file(self):
        out, err = self.console.raw_run(b"f = open('/hello.txt', 'w')\nf.write('hello from adder')\nf.close()\n")
        if err:
            raise StepFailed('writing /hello.txt: %r' % err)

    def close_console(self):
        self.console.close()

    def flash_js(self):
        self.close_console()
        out = run_tool(['node', os.path.join(JS_DIR, 'flash.mjs'), '--port', self.emu.port, '--control',
                        self.emu.control, '--erase', '--write', '0', FIRMWARE, '--verify'], 600, 'esptool-js')
        for want in ('ok chip ESP8266', 'ok stub', 'ok erase', 'ok write', 'ok verify', 'ok hard_reset'):
            if want not in out:
                raise StepFailed('esptool-js did not say %r: %s' % (want, out))

    def check_vcd(self):
        self.emu.stop()
        levels = gpio_changes(self.emu.vcd, 2)
        # each blink drives GPIO2 low then high three times
        falls = sum(1 for a, b in zip(levels, levels[1:]) if a == '1' and b == '0')
        if falls < 3 * self.blinks:
            raise StepFailed('GPIO2 fell %d times in the trace, %d blinks need %d: %s'
                             % (falls, self.blinks, 3 * self.blinks, ''.join(levels[:80])))

    def power_cycle(self):
        self.emu.start()
        self.boot()
        out, err = self.console.raw_run(b"print(open('/hello.txt').read())\n")
        if err or out.strip() != b'hello from adder':
            raise StepFailed('after power off/on: out %r err %r' % (out, err))
        self.close_console()

    def run(self):
        for path, hint in ((EMU, 'make emu'), (FIRMWARE, 'make -C ports/esp8266'),
                           (os.path.join(JS_DIR, 'node_modules', 'esptool-js'), 'sh tools/deps.sh')):
            if not os.path.exists(path):
                print('FAIL missing %s (%s)' % (path, hint))
                self.failed += 1
        if self.failed:
            return
        try:
            if not self.step('start the emulator', self.emu.start):
                return
            ok = self.step('adder-flash: erase, write, verify', self.flash_ours)
            ok = ok and self.step('boot: ROM log and >>>', self.boot)
            ok = ok and self.step('blink GPIO2 over the raw REPL', self.blink)
            ok = ok and self.step('esptool-js: stub, erase, write, verify, hard reset', self.flash_js)
            ok = ok and self.step('boot after esptool-js', self.boot)
            ok = ok and self.step('blink again', self.blink)
            ok = ok and self.step('write /hello.txt', self.write_file)
            if ok:
                self.close_console()
            self.step('GPIO2 blinks in the VCD trace', self.check_vcd)
            if ok:
                self.step('power off/on: firmware and /hello.txt survive', self.power_cycle)
        finally:
            self.emu.stop()


def main():
    tmp = tempfile.mkdtemp(prefix='adder-e2e-')
    e2e = E2E(tmp)
    try:
        e2e.run()
    finally:
        if e2e.failed:
            print('emulator log (%s): %s' % (tmp, e2e.emu.log_tail() if e2e.emu.runs else ''))
        shutil.rmtree(tmp, ignore_errors=True)
    print('%d passed, %d failed' % (e2e.passed, e2e.failed))
    return 1 if e2e.failed else 0


if __name__ == '__main__':
    sys.exit(main())
