# SIGINT raises KeyboardInterrupt inside a tight loop; handlers and finally blocks still run.
import os
import select
import signal
import subprocess
import time
from _util import ADDER, SLOW, check, finish, last_line

def interrupt(src):
    """Starts Adder on src, waits for its "ready" line, sends SIGINT; returns (status, stdout, stderr)."""
    p = subprocess.Popen([ADDER, '-c', src], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        got = b''
        deadline = time.time() + 5 * SLOW
        while b'\n' not in got and time.time() < deadline:
            r, _, _ = select.select([p.stdout], [], [], 0.1)
            if r:
                chunk = os.read(p.stdout.fileno(), 4096)
                if not chunk:
                    break
                got += chunk
        if b'\n' not in got:
            print('     (no "ready" line within 5 s: is print(flush=True) flushing a pipe?)')
        time.sleep(0.2)
        p.send_signal(signal.SIGINT)
        try:
            out, err = p.communicate(timeout=10 * SLOW)
        except subprocess.TimeoutExpired:
            p.kill()
            out, err = p.communicate()
            return None, (got + out).decode(), err.decode()
        return p.returncode, (got + out).decode(), err.decode()
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()

CAUGHT = '''
import sys
try:
    print("ready", flush=True)
    sys.stdout.flush() if hasattr(sys.stdout, "flush") else None
    n = 0
    while True:
        n += 1
except KeyboardInterrupt:
    print("caught KeyboardInterrupt")
finally:
    print("finally ran")
print("carried on")
'''
status, out, err = interrupt(CAUGHT)
check('caught: status', status, 0)
check('caught: output', out, 'ready\ncaught KeyboardInterrupt\nfinally ran\ncarried on\n')

UNCAUGHT = '''
print("ready", flush=True)
def spin():
    while True:
        pass
try:
    spin()
finally:
    print("finally before dying")
'''
status, out, err = interrupt(UNCAUGHT)
check('uncaught: status is 128+SIGINT (CPython: -2 via signal or 130)', status in (130, -signal.SIGINT), True)
check('uncaught: finally ran', out, 'ready\nfinally before dying\n')
check('uncaught: last stderr line', last_line(err), 'KeyboardInterrupt')

CALLS = '''
print("ready", flush=True)
def f(x):
    return x + 1
try:
    i = 0
    while True:
        i = f(i)
except KeyboardInterrupt:
    print("interrupted a loop of calls", i > 0)
'''
status, out, err = interrupt(CALLS)
check('loop of calls: interrupted', (status, out), (0, 'ready\ninterrupted a loop of calls True\n'))
finish()
