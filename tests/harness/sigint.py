# SIGINT raises KeyboardInterrupt inside a tight loop; handlers and finally blocks still run.
import os
import signal
import subprocess
import time
from _util import ADDER, SLOW, check, finish, last_line

def interrupt(src, wait_for='ready'):
    p = subprocess.Popen([ADDER, '-c', src], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = p.stdout.readline()
    time.sleep(0.2)
    p.send_signal(signal.SIGINT)
    try:
        out, err = p.communicate(timeout=10 * SLOW)
    except subprocess.TimeoutExpired:
        p.kill()
        out, err = p.communicate()
        return None, line + out, err
    return p.returncode, line + out, err

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
