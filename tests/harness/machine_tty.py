# The "done when": a new user types `make run` and follows the blink exchange at the REPL,
# seeing the on-board LED go on and off in a live status line on the terminal (blue, active-low:
# pin.high() turns it off, pin.low() on).  `make -n run` gives the command; it runs here on a pty.
import os
import shutil
import tempfile
import pty
import select
import subprocess
import time
from _util import ADDER, SLOW, check, finish

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')


def read(fd, until, timeout=5):
    out, end = b'', time.time() + timeout * SLOW
    while until not in out and time.time() < end:
        if select.select([fd], [], [], 0.05)[0]:
            try:
                out += os.read(fd, 4096)
            except OSError:
                break
    return out


cmd = subprocess.run(['make', '-s', '-n', 'run'], cwd=ROOT, capture_output=True, text=True).stdout.split('\n')
run_line = [c for c in cmd if c.startswith(('./build/adder', 'build/adder'))]
check('make run starts build/adder', len(run_line), 1)
argv = run_line[0].split() if run_line else ['build/adder']
argv[0] = os.path.abspath(ADDER)   # the binary under test (build-asan/adder under ASan)
home = tempfile.mkdtemp()          # the board's default flash image goes under $HOME/.config
pid, fd = pty.fork()
if pid == 0:
    os.chdir(ROOT)
    os.execve(argv[0], argv, dict(os.environ, HOME=home))
banner = read(fd, b'>>> ')
check('the REPL on the virtual NodeMCU', b'(virtual NodeMCU)' in banner and banner.endswith(b'>>> '), True)
ON = b'\x1b[34m\xe2\x97\x8f\x1b[0m blue LED (GPIO2) ON\r\n'
OFF = b'\x1b[2m\xe2\x97\x8b\x1b[0m blue LED (GPIO2) off\r\n'
steps = [(b'import machine', b''), (b'pin = machine.Pin(2, machine.Pin.OUT)', ON),
         (b'pin.high()  # light off', OFF), (b'pin.low()   # light on', ON)]
for keys, shown in steps:
    os.write(fd, keys + b'\r')
    out = read(fd, b'>>> ')
    check('%s -> %s' % (keys.decode(), shown.decode().strip() or 'no LED line'), out, keys + b'\r\n' + shown + b'>>> ')
os.write(fd, b'\x04')
read(fd, b'never', timeout=1)
end = time.time() + 5 * SLOW
status = None
while status is None and time.time() < end:
    p, st = os.waitpid(pid, os.WNOHANG)
    if p:
        status = os.waitstatus_to_exitcode(st)
    else:
        time.sleep(0.05)
if status is None:
    os.kill(pid, 9)
    os.waitpid(pid, 0)
check('Ctrl-D leaves', status, 0)
os.close(fd)
shutil.rmtree(home, ignore_errors=True)
finish()
