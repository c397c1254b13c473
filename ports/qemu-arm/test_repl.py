#!/usr/bin/env python3
"""test_repl.py (qemu-arm): the friendly REPL on the firmware with a small heap, the way a person
uses it over the UART: boot banner and prompt, expressions echoed, a compound statement,
Ctrl-C interrupting a running loop, an exception printed without killing the REPL, a MemoryError
recovered from, Ctrl-D soft reset (globals gone) and the heap size the firmware was given.
Usage: test_repl.py [HEAP] (default 16K).  Exit status 0 when everything behaved."""
import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
sys.path.insert(0, os.path.join(ROOT, 'tests'))
import run  # noqa: E402  (the test runner's Device: a process speaking on stdin/stdout)

heap = sys.argv[1] if len(sys.argv) > 1 else '16K'
conf = run.load_target('qemu-arm', heap=heap)
argv = run.shlex.split(conf['command'].replace('{root}', ROOT).replace('{heap}', heap))
dev = run.Device(argv)
failures = []


def expect(what, marker, timeout=10):
    got = dev.read_until(marker, timeout)
    if got is None:
        failures.append('%s: no %r in %r' % (what, marker, dev.drain()[-200:]))
    return got or b''


def send(line, marker=b'>>> ', what=None):
    dev.write(line)
    return expect(what or repr(line), marker)


try:
    dev.start()
    expect('banner', b'MPS2 AN385 (QEMU) with Cortex-M3\r\n')
    expect('prompt', b'>>> ')
    out = send(b'6 * 7\r')
    if b'\n42\n' not in out.replace(b'\r', b''):
        failures.append('6 * 7 gave %r' % out)
    send(b'def f(n): return n + 1\r', b'... ')
    send(b'\r', b'>>> ')                       # a blank line ends the block
    out = send(b'f(41)\r')
    if b'42' not in out:
        failures.append('f(41) gave %r' % out)
    out = send(b'import gc; gc.collect(); gc.mem_free() + gc.mem_alloc()\r')
    nums = run.re.findall(rb'(?<=\n)(\d+)(?=\r?\n)', out)   # gc.collect()'s result, then the sum
    total = int(nums[-1]) if nums else 0
    size = int(heap.rstrip('kK')) * (1024 if heap[-1] in 'kK' else 1)
    if not size <= total <= size + 32 * 1024:   # the VM stack is carved from the same region
        failures.append('heap total %d for heap=%s: %r' % (total, heap, out))
    out = send(b'1 / 0\r')
    if b'ZeroDivisionError' not in out:
        failures.append('1 / 0 gave %r' % out)
    out = send(b'x = [0] * 1000000\r')
    if b'MemoryError' not in out:
        failures.append('a 4 MB list gave %r' % out)
    dev.write(b'while True: pass\r')
    expect('the loop continuation prompt', b'... ')
    dev.write(b'\r\r')
    import time
    time.sleep(0.5)
    out = send(b'\x03', what='Ctrl-C')
    if b'KeyboardInterrupt' not in out:
        failures.append('Ctrl-C gave %r' % out)
    send(b'y = 5\r')
    send(b'\x04', b'MPY: soft reboot\r\n', what='Ctrl-D')
    expect('prompt after the soft reset', b'>>> ')
    out = send(b'y\r')
    if b"NameError: name 'y' isn't defined" not in out and b'NameError' not in out:
        failures.append('y after a soft reset gave %r' % out)
finally:
    dev.stop()

for f in failures:
    print('FAIL', f)
print('REPL on a %s heap: %s' % (heap, 'ok' if not failures else '%d failure(s)' % len(failures)))
sys.exit(1 if failures else 0)
