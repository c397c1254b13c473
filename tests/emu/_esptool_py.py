#!/usr/bin/env python3
"""_esptool_py.py: Espressif's esptool (the Python tool, 4.x) against build/adder-nodemcu on a pty,
the way a user runs it: no reset options (a pty has no DTR/RTS: esptool warns, and the emulator
takes esptool's SYNC as the auto-reset circuit would), with the stub flasher and with --no-stub:
chip_id, flash_id, read_mac, erase_flash, write_flash and verify_flash of the firmware, then the
firmware's prompt on the same port.  Not part of `make test` (esptool is neither in Debian nor on
npm here); run it where esptool is installed:

    ESPTOOL='esptool.py' python3 tests/emu/_esptool_py.py      # prints `N passed, N failed`
"""
import os
import select
import shlex
import subprocess
import sys
import tempfile
import termios
import time
import tty

TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
# the emulator under test: $ADDER_NODEMCU (make test also runs these on its ASan build)
EMU = os.path.abspath(os.environ.get('ADDER_NODEMCU') or os.path.join(TOP, 'build', 'adder-nodemcu'))
FIRMWARE = os.path.join(TOP, 'ports', 'esp8266', 'build', 'adder-esp8266.bin')

# (esptool's arguments after --port, text it must print, whether it succeeds); {fw}: the firmware
WITH_STUB = [
    (['chip_id'], 'Chip ID: 0x', True),
    (['flash_id'], 'Detected flash size: 4MB', True),
    (['read_mac'], 'MAC: 18:fe:34', True),
    (['erase_flash'], 'Chip erase completed successfully', True),
    (['--baud', '460800', 'write_flash', '--flash_size=detect', '0', '{fw}'], 'Hash of data verified.', True),
    (['verify_flash', '0', '{fw}'], '-- verify OK', True),
]
# The ESP8266 ROM has no erase-chip or MD5 command: esptool itself refuses those without its stub,
# as it does with a real chip; the last run verifies the ROM's writing with the stub.
NO_STUB = [
    (['--no-stub', 'chip_id'], 'Chip ID: 0x', True),
    (['--no-stub', 'flash_id'], 'Detected flash size: 4MB', True),
    (['--no-stub', 'read_mac'], 'MAC: 18:fe:34', True),
    (['--no-stub', 'erase_flash'], 'ESP8266 ROM does not support function erase_flash', False),
    (['--no-stub', 'write_flash', '0', '{fw}'], 'Wrote ', True),
    (['--no-stub', 'verify_flash', '0', '{fw}'], 'ESP8266 ROM does not support function', False),
    (['verify_flash', '0', '{fw}'], '-- verify OK', True),
]


def esptool(cmd, port, args, want, succeeds):
    argv = cmd + ['--port', port] + [a.replace('{fw}', FIRMWARE) for a in args]
    p = subprocess.run(argv, capture_output=True, text=True, timeout=300)
    out = p.stdout + p.stderr
    ok = (p.returncode == 0) == succeeds and want in out
    print('%s esptool %s' % ('ok  ' if ok else 'FAIL', ' '.join(args)))
    if not ok:
        print('  exit %d, wanted %r:\n  %s' % (p.returncode, want, out.strip().replace('\n', '\n  ')))
    return ok


def prompt(port):
    """The firmware's prompt on the port once esptool has gone (its hard reset)."""
    fd = os.open(port, os.O_RDWR | os.O_NOCTTY)
    try:
        tty.setraw(fd, termios.TCSANOW)
        os.write(fd, b'\r')
        got, end = b'', time.monotonic() + 20
        while b'>>> ' not in got and time.monotonic() < end:
            if select.select([fd], [], [], 0.2)[0]:
                got += os.read(fd, 4096)
        ok = b'>>> ' in got
        print('%s the firmware prompt after esptool' % ('ok  ' if ok else 'FAIL'))
        return ok
    finally:
        os.close(fd)


def main():
    cmd = shlex.split(os.environ.get('ESPTOOL', 'esptool.py'))
    results = []
    with tempfile.TemporaryDirectory(prefix='adder-esptool-') as tmp:
        port = os.path.join(tmp, 'ttyUSB0')
        emu = subprocess.Popen([EMU, '--port', port, '--flash', os.path.join(tmp, 'flash.img'),
                                '--log', os.path.join(tmp, 'log')],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            while not os.path.exists(port):
                time.sleep(0.05)
            for args, want, succeeds in WITH_STUB + NO_STUB:
                results.append(esptool(cmd, port, args, want, succeeds))
            results.append(prompt(port))
        finally:
            emu.terminate()
            emu.wait(10)
    print('%d passed, %d failed' % (results.count(True), results.count(False)))
    return 0 if all(results) else 1


if __name__ == '__main__':
    sys.exit(main())
