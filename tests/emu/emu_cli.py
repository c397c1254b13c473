#!/usr/bin/env python3
# skip-asan
"""emu_cli.py: tests of build/adder-nodemcu as a program (tools/emu/main.c, docs/emulator.md): its
options, the flash file (--flash, --flash-size, --write, persistence across runs), the pty
(--port), the control socket (--control), the auto-reset circuit (dtr/rts), the SYNC-triggered
reset into the bootloader and the reset on close, signals, and Ctrl-A X on a terminal.

    python3 tests/emu/emu_cli.py [EMULATOR]      (default build/adder-nodemcu; prints N passed, N failed)

No firmware is needed: the flash starts erased or holds test bytes; the tests look at the ROM's
boot log ("rst cause:N"), its SLIP answer to SYNC, and the emulator's own answers."""
import os
import pty
import re
import select
import signal
import socket
import subprocess
import sys
import tempfile
import termios
import time
import traceback
import tty

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# the emulator under test: $ADDER_NODEMCU (make test also runs these on its ASan build)
EMU = os.path.abspath(os.environ.get('ADDER_NODEMCU') or os.path.join(ROOT, 'build', 'adder-nodemcu'))
TIMEOUT = 10.0
SYNC = b'\xc0' + bytes([0, 0x08, 36, 0, 0, 0, 0, 0]) + bytes([7, 7, 0x12, 0x20]) + b'\x55' * 32 + b'\xc0'


def wait_for(cond, what, timeout=TIMEOUT):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        v = cond()
        if v:
            return v
        time.sleep(0.01)
    raise AssertionError('timed out waiting for ' + what)


class Emu:
    """build/adder-nodemcu in a temporary directory with a pty, a control socket and a flash file."""

    def __init__(self, tmp, *extra, port=True, control=True, stdin=subprocess.DEVNULL, env=None):
        self.tmp = tmp
        self.port = os.path.join(tmp, 'ttyUSB0') if port else None
        self.ctl_path = os.path.join(tmp, 'ctl') if control else None
        self.flash = os.path.join(tmp, 'flash.img')
        argv = [EMU, '--flash', self.flash, '--log', os.path.join(tmp, 'log')]
        argv += ['--port', self.port] if port else []
        argv += ['--control', self.ctl_path] if control else []
        argv += list(extra)
        self.proc = subprocess.Popen(argv, stdin=stdin, stdout=subprocess.PIPE if not port else subprocess.DEVNULL,
                                     stderr=subprocess.PIPE, env=env)
        self.ctl = None
        self.fd = None
        if port:
            wait_for(lambda: os.path.islink(self.port), 'the pty symlink')
        if control:
            wait_for(lambda: os.path.exists(self.ctl_path), 'the control socket')
            self.ctl = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            self.ctl.connect(self.ctl_path)
            self.ctl_file = self.ctl.makefile('rwb', buffering=0)

    def command(self, line):
        self.ctl_file.write(line.encode() + b'\n')
        r, _, _ = select.select([self.ctl], [], [], TIMEOUT)
        assert r, 'no answer to ' + line
        return self.ctl_file.readline().decode().rstrip('\n')

    def state(self):
        return self.command('state')

    def wait_state(self, want):
        wait_for(lambda: self.state() == 'ok ' + want, 'state ' + want)

    def open_port(self):
        self.fd = os.open(self.port, os.O_RDWR | os.O_NOCTTY)
        tty.setraw(self.fd, termios.TCSANOW)   # TCSAFLUSH would drop what the board already sent
        self.got = b''

    def close_port(self):
        os.close(self.fd)
        self.fd = None

    def expect(self, pattern, timeout=TIMEOUT):
        """Reads the pty until pattern (bytes regex) matches what arrived since the last match."""
        end = time.monotonic() + timeout
        while True:
            m = re.search(pattern, self.got, re.S)
            if m:
                self.got = self.got[m.end():]
                return m
            left = end - time.monotonic()
            assert left > 0, 'timed out waiting for %r; got %r' % (pattern, self.got[-300:])
            r, _, _ = select.select([self.fd], [], [], left)
            if r:
                self.got += os.read(self.fd, 4096)

    def finish(self, sig=signal.SIGTERM):
        if self.fd is not None:
            self.close_port()
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        try:
            rc = self.proc.wait(TIMEOUT)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise
        finally:
            if self.ctl:
                self.ctl.close()
        return rc


def run_plain(args, timeout=TIMEOUT, env=None, stdin_data=b''):
    p = subprocess.run([EMU] + args, input=stdin_data, capture_output=True, timeout=timeout, env=env)
    return p.returncode, p.stdout, p.stderr


# ---- tests ----

def test_options(tmp):
    rc, out, _ = run_plain(['--help'])
    assert rc == 0 and b'--port' in out and b'--control' in out, (rc, out)
    flash = os.path.join(tmp, 'f.img')
    for bad in (['--nonsense'], ['--flash-size', '3M'], ['--flash-size', '32M'], ['--write', 'nocolon'],
                ['--port']):
        rc, _, err = run_plain(['--flash', flash] + bad)
        assert rc == 2 and err, (bad, rc, err)
    rc, _, err = run_plain(['--flash', flash, '--write', '0:' + os.path.join(tmp, 'missing.bin')])
    assert rc == 1 and b'missing.bin' in err, (rc, err)


def test_default_flash_file(tmp):
    """The default flash file is made (directories too), erased, of --flash-size."""
    env = dict(os.environ, HOME=tmp)
    rc, _, _ = run_plain(['--fast-time'], env=env)
    path = os.path.join(tmp, '.config', 'adder', 'nodemcu-emu-flash.img')
    assert rc == 0 and os.path.getsize(path) == 4 << 20, rc
    with open(path, 'rb') as f:
        assert f.read(65536) == b'\xff' * 65536
    other = os.path.join(tmp, 'one.img')
    rc, _, _ = run_plain(['--fast-time', '--flash', other, '--flash-size', '1M'])
    assert rc == 0 and os.path.getsize(other) == 1 << 20


def test_write_persists(tmp):
    """--write puts the file's bytes at ADDR and keeps the rest of the sectors; a second run sees them."""
    flash = os.path.join(tmp, 'flash.img')
    a, b = os.path.join(tmp, 'a.bin'), os.path.join(tmp, 'b.bin')
    with open(a, 'wb') as f:
        f.write(bytes(range(100)))
    with open(b, 'wb') as f:
        f.write(b'B' * 40)
    rc, _, err = run_plain(['--fast-time', '--flash', flash, '--write', '0x1001:' + a, '--write', '0x2ff0:' + b])
    assert rc == 0, err
    rc, _, err = run_plain(['--fast-time', '--flash', flash, '--write', '0x1000:' + b])
    assert rc == 0, err
    with open(flash, 'rb') as f:
        img = f.read()
    assert img[0x1000:0x1028] == b'B' * 40, img[0x1000:0x1030]
    assert img[0x1028:0x1065] == bytes(range(0x27, 100)), img[0x1028:0x1065]
    assert img[0x1065] == 0xff and img[0xfff] == 0xff
    assert img[0x2ff0:0x3018] == b'B' * 40 and img[0x3018] == 0xff and img[0x2fef] == 0xff


def test_control_commands(tmp):
    emu = Emu(tmp, '--fast-time')
    try:
        assert emu.state() in ('ok firmware', 'ok halted'), emu.state()
        assert emu.command('bogus').startswith('error '), 'bogus'
        assert emu.command('dtr 2').startswith('error ')
        assert emu.command('press no-such-button').startswith('error ')
        assert emu.command('') == 'error empty command'
        assert emu.command('boot') == 'ok boot'
        emu.wait_state('loader')
        assert emu.command('reset') == 'ok reset'
        wait_for(lambda: emu.state() in ('ok firmware', 'ok halted'), 'firmware after reset')
        assert emu.command('quit') == 'ok quit'
        assert emu.proc.wait(TIMEOUT) == 0
        assert not os.path.lexists(emu.port) and not os.path.exists(emu.ctl_path), 'leftovers'
    finally:
        emu.finish()


def test_sync_enters_loader_and_close_leaves(tmp):
    """esptool --before no_reset on a pty: a SYNC while the firmware has the line resets into the
    bootloader (that SYNC is dropped), the next is answered; closing the port resets into the
    firmware; output sent meanwhile reaches the next client."""
    emu = Emu(tmp)
    try:
        emu.open_port()
        emu.expect(rb'rst cause:1')
        os.write(emu.fd, SYNC)
        emu.wait_state('loader')
        emu.expect(rb'rst cause:2, boot mode:\(1')
        os.write(emu.fd, SYNC)
        emu.expect(rb'\xc0\x01\x08')
        emu.close_port()
        wait_for(lambda: emu.state() in ('ok firmware', 'ok halted'), 'the reset on close')
        emu.open_port()
        emu.expect(rb'rst cause:2, boot mode:\(3')
        assert emu.finish() == 0
    finally:
        emu.finish()


def test_auto_reset_circuit(tmp):
    """esptool's classic reset through dtr/rts: EN low while RTS=1 and DTR=0; GPIO0 low while
    DTR=1 and RTS=0; EN's rising edge (after the RC) starts the chip sampling GPIO0."""
    emu = Emu(tmp, '--fast-time')
    try:
        emu.open_port()
        emu.expect(rb'rst cause:1')
        for line in ('dtr 0', 'rts 1'):
            assert emu.command(line) == 'ok ' + line
        assert emu.state() == 'ok reset'
        assert emu.command('dtr 1') == 'ok dtr 1'
        assert emu.command('rts 0') == 'ok rts 0'
        emu.wait_state('loader')
        emu.expect(rb'rst cause:2, boot mode:\(1')
        assert emu.command('dtr 0') == 'ok dtr 0'
        # the hard reset: an RTS pulse
        assert emu.command('rts 1') == 'ok rts 1'
        assert emu.state() == 'ok reset'
        assert emu.command('rts 0') == 'ok rts 0'
        emu.expect(rb'rst cause:2, boot mode:\(3')
        wait_for(lambda: emu.state() in ('ok firmware', 'ok halted'), 'firmware')
    finally:
        emu.finish()


def test_signals(tmp):
    emu = Emu(tmp)
    try:
        emu.open_port()
        emu.expect(rb'rst cause:1, boot mode:\(3')
        emu.proc.send_signal(signal.SIGUSR1)
        emu.expect(rb'rst cause:2, boot mode:\(3')
        emu.proc.send_signal(signal.SIGUSR2)
        emu.expect(rb'rst cause:2, boot mode:\(1')
        emu.wait_state('loader')
        assert emu.finish(signal.SIGINT) == 0
    finally:
        emu.finish()


def test_stdio_pipes(tmp):
    """On pipes the console is stdin/stdout; EOF on stdin ends the emulator."""
    rc, out, err = run_plain(['--fast-time', '--flash', os.path.join(tmp, 'f.img')], stdin_data=b'\x01x')
    assert rc == 0 and b'rst cause:1' in out, (rc, out, err)


def test_ctrl_a_on_terminal(tmp):
    """On a terminal: raw mode, Ctrl-A R resets, Ctrl-A X quits (and the terminal is restored)."""
    master, slave = pty.openpty()
    before = termios.tcgetattr(slave)
    p = subprocess.Popen([EMU, '--flash', os.path.join(tmp, 'f.img'), '--log', os.path.join(tmp, 'log')],
                         stdin=slave, stdout=slave, stderr=subprocess.PIPE)
    got = b''

    def read_until(pat):
        nonlocal got
        end = time.monotonic() + TIMEOUT
        while not re.search(pat, got):
            r, _, _ = select.select([master], [], [], max(0, end - time.monotonic()))
            assert r, 'timed out waiting for %r; got %r' % (pat, got)
            got += os.read(master, 4096)

    try:
        read_until(rb'rst cause:1')
        assert not termios.tcgetattr(slave)[3] & termios.ECHO, 'not raw'
        os.write(master, b'\x01r')
        read_until(rb'rst cause:2')
        os.write(master, b'\x01x')
        assert p.wait(TIMEOUT) == 0
        assert termios.tcgetattr(slave) == before, 'terminal not restored'
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()
        os.close(master)
        os.close(slave)


TESTS = [v for k, v in sorted(globals().items()) if k.startswith('test_')]


def main():
    passed = failed = 0
    for t in TESTS:
        with tempfile.TemporaryDirectory(prefix='emu_cli') as tmp:
            try:
                t(tmp)
                passed += 1
                print('pass', t.__name__)
            except Exception:
                failed += 1
                print('FAIL', t.__name__)
                traceback.print_exc()
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
