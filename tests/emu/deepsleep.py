#!/usr/bin/env python3
# skip-asan
"""deepsleep.py: real deep sleep of the ESP8266 firmware on build/adder-nodemcu (docs/emulator.md):
hal_deepsleep sets the RTC alarm and powers the chip down (tools/emu/esp_rtc.c); the alarm pulls
GPIO16 low, which resets the chip (ROM "rst cause:5", machine.DEEPSLEEP_RESET) only when the board
wires D0 to RST (the default board's `wire 16 rst`).  Checks: deepsleep(500) wakes with cause 5 and
RTC().memory() kept, the console silent while off; deepsleep(0) sleeps until a `reset` on the
control socket (cause 2, HARD_RESET); a board file without the wire never wakes.

    python3 tests/emu/deepsleep.py [EMULATOR]     (prints N passed, N failed)

Needs `make emu` and `make -C ports/esp8266` (ports/esp8266/build/adder-esp8266.bin)."""
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import traceback

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# the emulator under test: $ADDER_NODEMCU (make test also runs these on its ASan build)
EMU = os.path.abspath(os.environ.get('ADDER_NODEMCU') or os.path.join(ROOT, 'build', 'adder-nodemcu'))
FIRMWARE = os.path.join(ROOT, 'ports', 'esp8266', 'build', 'adder-esp8266.bin')
TIMEOUT = 20.0
BOOT5 = b'rst cause:5'
BOOT2 = b'rst cause:2'


class Board:
    """The emulator on pipes (--fast-time), the firmware written at 0, a control socket."""

    def __init__(self, tmp, *extra):
        self.ctl_path = os.path.join(tmp, 'ctl')
        argv = [EMU, '--fast-time', '--flash', os.path.join(tmp, 'flash.img'), '--log', os.path.join(tmp, 'log'),
                '--write', '0:' + FIRMWARE, '--control', self.ctl_path] + list(extra)
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.out = b''
        self.lock = threading.Lock()
        threading.Thread(target=self._reader, daemon=True).start()
        self.wait_for(b'>>> ')
        self.ctl = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.ctl.connect(self.ctl_path)
        self.ctl_file = self.ctl.makefile('rb')

    def _reader(self):
        while True:
            b = self.proc.stdout.read1(4096)
            if not b:
                return
            with self.lock:
                self.out += b

    def mark(self):
        with self.lock:
            return len(self.out)

    def since(self, mark):
        with self.lock:
            return self.out[mark:]

    def wait_for(self, what, mark=0, timeout=TIMEOUT):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if what in self.since(mark):
                return
            time.sleep(0.01)
        raise AssertionError('timed out waiting for %r; got %r' % (what, self.since(mark)[-300:]))

    def send(self, line):
        self.proc.stdin.write(line.encode() + b'\r\n')
        self.proc.stdin.flush()

    def run(self, line, expect):
        m = self.mark()
        self.send(line)
        self.wait_for(expect, m)
        return self.since(m)

    def control(self, cmd):
        self.ctl.sendall(cmd.encode() + b'\n')
        return self.ctl_file.readline().decode().strip()

    def close(self):
        try:
            self.control('quit')
        except OSError:
            pass
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.ctl.close()


def settle_asleep(b):
    """Waits until the control socket says the chip is off and its console has been quiet a while."""
    end = time.monotonic() + TIMEOUT
    while b.control('state') != 'ok sleep':
        if time.monotonic() > end:
            raise AssertionError('the chip did not go to sleep')
        time.sleep(0.01)
    m = b.mark()
    b.send('print("awake?")')   # the chip is off: this input is lost, nothing comes back
    time.sleep(0.5)
    assert b.control('state') == 'ok sleep', 'woke up'
    assert b.since(m) == b'', 'output while asleep: %r' % b.since(m)


def test_timer_wake(tmp):
    b = Board(tmp)
    try:
        b.run('import machine', b'>>> ')
        b.run('machine.RTC().memory(b"kept across sleep")', b'>>> ')
        m = b.mark()
        b.send('machine.deepsleep(500)')
        b.wait_for(BOOT5, m)
        b.wait_for(b'>>> ', m + b.since(m).index(BOOT5))
        between = b.since(m).split(BOOT5)[0]
        # between the echoed command and the ROM's boot line: nothing the chip printed while off
        assert between.split(b'machine.deepsleep(500)')[1].replace(b'\r', b'').replace(b'\n', b'') == b' ets Jan  8 2013,', between
        out = b.run('import machine; print(machine.reset_cause() == machine.DEEPSLEEP_RESET, machine.RTC().memory())',
                    b'>>> ')
        assert b"True b'kept across sleep'" in out, out
    finally:
        b.close()


def test_sleep_forever_until_reset(tmp):
    b = Board(tmp)
    try:
        b.run('import machine', b'>>> ')
        b.send('machine.deepsleep(0)')
        settle_asleep(b)
        assert BOOT5 not in b.since(0)
        m = b.mark()
        assert b.control('reset') == 'ok reset'
        b.wait_for(BOOT2, m)
        b.wait_for(b'>>> ', m + b.since(m).index(BOOT2))
        out = b.run('import machine; print(machine.reset_cause() == machine.HARD_RESET)', b'>>> ')
        assert b'True' in out, out
    finally:
        b.close()


def test_no_wire_no_wake(tmp):
    board = os.path.join(tmp, 'nowire.board')
    with open(board, 'w') as f:
        f.write('name NodeMCU without the D0-RST wire\nled blue 2 blue active-low\nbutton FLASH 0 active-low\n')
    b = Board(tmp, '--board', board)
    try:
        b.run('import machine', b'>>> ')
        b.send('machine.deepsleep(500)')
        settle_asleep(b)
        assert BOOT5 not in b.since(0), 'woke without the wire'
    finally:
        b.close()


def main():
    tests = [test_timer_wake, test_sleep_forever_until_reset, test_no_wire_no_wake]
    passed = failed = 0
    for t in tests:
        with tempfile.TemporaryDirectory(prefix='adder-deepsleep-') as tmp:
            try:
                t(tmp)
                passed += 1
                print('ok', t.__name__)
            except Exception:
                failed += 1
                print('FAIL', t.__name__)
                traceback.print_exc(file=sys.stdout)
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
