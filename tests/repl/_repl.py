# Helpers for the REPL tests: Adder's REPL on a pseudo-terminal (a "terminal" session), or served by
# `adder --serial PATH` (a "serial" session, opened the way picocom or mpremote open a board's port).
import os
import pty
import select
import signal
import subprocess
import sys
import tempfile
import termios
import time
import tty
# tests/run.py puts tests/harness on PYTHONPATH; this makes a test runnable by hand as well
sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'harness'))
from _util import ADDER, SLOW  # noqa: E402


class Session:
    """Bytes to and from a REPL.  expect() reads until the data ends with a marker (or a timeout)."""

    def __init__(self, fd):
        self.fd = fd
        self.buf = b''

    def send(self, data):
        if isinstance(data, str):
            data = data.encode()
        os.write(self.fd, data)

    def read_for(self, seconds):
        """Everything that arrives within `seconds`."""
        end = time.time() + seconds * SLOW
        while time.time() < end:
            self._pump(0.05)
        out, self.buf = self.buf, b''
        return out

    def expect(self, marker, timeout=5):
        """Reads until the received data ends with marker; returns all of it (marker included)."""
        if isinstance(marker, str):
            marker = marker.encode()
        end = time.time() + timeout * SLOW
        while marker not in self.buf and time.time() < end:
            self._pump(0.05)
        i = self.buf.find(marker)
        if i < 0:
            out, self.buf = self.buf, b''
            return out
        out, self.buf = self.buf[:i + len(marker)], self.buf[i + len(marker):]
        return out

    def read_waiting(self):
        """What has arrived so far, without waiting."""
        self._pump(0)
        out, self.buf = self.buf, b''
        return out

    def read_exact(self, n, timeout=5):
        end = time.time() + timeout * SLOW
        while len(self.buf) < n and time.time() < end:
            self._pump(0.05)
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def _pump(self, wait):
        r, _, _ = select.select([self.fd], [], [], wait)
        if r:
            try:
                data = os.read(self.fd, 65536)
            except OSError:
                data = b''
            if not data:
                time.sleep(wait)
            self.buf += data


class Terminal(Session):
    """Adder started on a pty, as `adder` in a terminal (or another program: argv)."""

    def __init__(self, args=(), argv=None):
        argv = argv or [ADDER] + list(args)
        self.pid, fd = pty.fork()
        if self.pid == 0:
            os.execvp(argv[0], argv)
        super().__init__(fd)

    def close(self):
        status = None
        end = time.time() + 3 * SLOW
        while time.time() < end:
            pid, st = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                status = os.waitstatus_to_exitcode(st)
                break
            self._pump(0.05)
        if status is None:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        os.close(self.fd)
        return status


class Serial(Session):
    """`adder --serial PATH` (started in cwd, the board's "filesystem"), with PATH opened in raw
    mode as a serial terminal program does; connect=False leaves the opening to another client."""

    def __init__(self, cwd=None, connect=True):
        self.dir = tempfile.TemporaryDirectory(prefix='adder-serial-')
        self.path = os.path.join(self.dir.name, 'ttyADDER')
        self.proc = subprocess.Popen([ADDER, '--serial', self.path], stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                     start_new_session=True, cwd=cwd)
        end = time.time() + 5 * SLOW
        while not os.path.exists(self.path) and time.time() < end:
            time.sleep(0.02)
        fd = -1
        if connect:
            fd = os.open(self.path, os.O_RDWR | os.O_NOCTTY)
            tty.setraw(fd, termios.TCSANOW)   # TCSANOW: keep what the board already sent
        super().__init__(fd)

    def close(self):
        if self.fd >= 0:
            os.close(self.fd)
        try:
            os.killpg(self.proc.pid, signal.SIGINT)   # Ctrl-C in the shell that started it
        except ProcessLookupError:
            pass
        try:
            self.proc.wait(timeout=5 * SLOW)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        gone = not os.path.lexists(self.path)
        self.dir.cleanup()
        return gone


class RawRepl:
    """The host side of MicroPython's raw REPL, byte for byte as mpremote's transport_serial.py
    (SerialTransport) speaks it: enter_raw_repl, exec_raw_no_follow (raw-paste with flow control,
    falling back to plain raw on R\\x00), raw_paste_write, follow, exit_raw_repl."""

    def __init__(self, session, use_raw_paste=True):
        self.s = session
        self.use_raw_paste = use_raw_paste

    def enter(self, soft_reset=True):
        self.s.send(b'\r\x03')
        self.s.read_waiting()   # mpremote drops only what has already arrived
        self.s.send(b'\r\x01')
        if soft_reset:
            data = self.s.expect(b'raw REPL; CTRL-B to exit\r\n>')
            if not data.endswith(b'raw REPL; CTRL-B to exit\r\n>'):
                raise RuntimeError('could not enter raw repl: %r' % data)
            self.s.send(b'\x04')
            data = self.s.expect(b'soft reboot\r\n')
            if not data.endswith(b'soft reboot\r\n'):
                raise RuntimeError('could not soft reboot: %r' % data)
        data = self.s.expect(b'raw REPL; CTRL-B to exit\r\n')
        if not data.endswith(b'raw REPL; CTRL-B to exit\r\n'):
            raise RuntimeError('could not enter raw repl: %r' % data)

    def exec_no_follow(self, code):
        data = self.s.expect(b'>')
        if data != b'>':
            raise RuntimeError('no raw REPL prompt: %r' % data)
        code = code.encode() if isinstance(code, str) else code
        if self.use_raw_paste:
            self.s.send(b'\x05A\x01')
            data = self.s.read_exact(2)
            if data == b'R\x01':
                return self._raw_paste_write(code)
            if data != b'R\x00':
                # no raw-paste at all: the device echoed the bytes as a raw REPL command
                data = self.s.expect(b'w REPL; CTRL-B to exit\r\n>')
                if not data.endswith(b'w REPL; CTRL-B to exit\r\n>'):
                    raise RuntimeError('could not enter raw repl: %r' % data)
            self.use_raw_paste = False   # not again on this connection
        for i in range(0, len(code), 256):
            self.s.send(code[i:i + 256])
            time.sleep(0.01)
        self.s.send(b'\x04')
        data = self.s.read_exact(2)
        if data != b'OK':
            raise RuntimeError('could not exec command (response: %r)' % data)

    def _raw_paste_write(self, code):
        header = self.s.read_exact(2)
        window = header[0] | header[1] << 8
        self.window_size = window
        remain = window
        i = 0
        self.windows = 0
        while i < len(code):
            while remain == 0 or self._waiting():
                b = self.s.read_exact(1)
                if b == b'\x01':
                    remain += window
                    self.windows += 1
                elif b == b'\x04':
                    self.s.send(b'\x04')
                    return
                else:
                    raise RuntimeError('unexpected read during raw paste: %r' % b)
            chunk = code[i:i + remain]
            self.s.send(chunk)
            remain -= len(chunk)
            i += len(chunk)
        self.s.send(b'\x04')
        data = self.s.expect(b'\x04')
        if not data.endswith(b'\x04'):
            raise RuntimeError('could not complete raw paste: %r' % data)

    def _waiting(self):
        if self.s.buf:
            return True
        r, _, _ = select.select([self.s.fd], [], [], 0)
        return bool(r)

    def follow(self, timeout=10):
        out = self.s.expect(b'\x04', timeout)
        err = self.s.expect(b'\x04', timeout)
        return out[:-1], err[:-1]

    def exec(self, code, timeout=10):
        self.exec_no_follow(code)
        return self.follow(timeout)

    def exit(self):
        self.s.send(b'\r\x02')
