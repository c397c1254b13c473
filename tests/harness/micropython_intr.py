# micropython.kbd_intr(-1) turns Ctrl-C (SIGINT) off and kbd_intr(3) back on; mem_info and qstr_info
# print MicroPython-shaped statistics.
import os
import re
import select
import signal
import subprocess
import time
from _util import ADDER, SLOW, check, finish, run

def interrupted(src):
    """Runs src, sends SIGINT after its "ready" line; returns (status, stdout)."""
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
        time.sleep(0.2)
        p.send_signal(signal.SIGINT)
        try:
            out, err = p.communicate(timeout=10 * SLOW)
        except subprocess.TimeoutExpired:
            p.kill()
            out, err = p.communicate()
        return p.returncode, (got + out).decode()
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()

# Ctrl-C is ignored while disabled: the loop runs to its end (a bounded number of steps).
OFF = '''
import micropython, time
micropython.kbd_intr(-1)
print("ready", flush=True)
t = time.ticks_ms()
while time.ticks_diff(time.ticks_ms(), t) < 600 * %d:
    pass
print("finished")
''' % SLOW
status, out = interrupted(OFF)
check('kbd_intr(-1): status', status, 0)
check('kbd_intr(-1): output', out, 'ready\nfinished\n')

ON = '''
import micropython
micropython.kbd_intr(-1)
micropython.kbd_intr(3)
print("ready", flush=True)
try:
    while True:
        pass
except KeyboardInterrupt:
    print("interrupted")
'''
status, out = interrupted(ON)
check('kbd_intr(3): output', out, 'ready\ninterrupted\n')

status, out, err = run(['-c', 'import micropython; micropython.mem_info(); micropython.mem_info(1); micropython.qstr_info()'])
lines = out.split('\n')
check('mem_info: status', status, 0)
check('mem_info: stack line', bool(re.match(r'stack: \d+ out of \d+$', lines[0])), True)
check('mem_info: GC line', bool(re.match(r'GC: total: \d+, used: \d+, free: \d+$', lines[1])), True)
nums = [int(x) for x in re.findall(r'\d+', lines[1])]
check('mem_info: used + free == total', nums[1] + nums[2], nums[0])
check('mem_info(1): more lines', len(lines) > 6, True)
check('qstr_info', bool(re.search(r'qstr pool: n_qstr=\d+', out)), True)
finish()
