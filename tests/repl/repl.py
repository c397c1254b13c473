# The REPL on a terminal: expressions echo their repr, statements don't, blocks continue with `...`,
# errors print a traceback and the session carries on, Ctrl-D exits with status 0.
import os
import pty
import select
import time
from _repl import ADDER, SLOW
from _util import check, finish

def session(lines, timeout=10):
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(ADDER, [ADDER])
    out = b''
    def drain(wait):
        nonlocal out
        end = time.time() + wait
        while time.time() < end:
            r, _, _ = select.select([fd], [], [], 0.05)
            if r:
                try:
                    data = os.read(fd, 4096)
                except OSError:
                    return False
                if not data:
                    return False
                out += data
        return True
    drain(0.5 * SLOW)
    for line in lines:
        os.write(fd, line.encode() + b'\n')
        drain(0.3 * SLOW)
    os.write(fd, b'\x04')
    drain(1.0 * SLOW)
    status = None
    end = time.time() + timeout * SLOW
    while time.time() < end:
        wpid, st = os.waitpid(pid, os.WNOHANG)
        if wpid:
            status = os.waitstatus_to_exitcode(st)
            break
        drain(0.1)
    if status is None:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
    os.close(fd)
    return status, out.decode('utf-8', 'replace').replace('\r\n', '\n')

status, out = session([
    '1 + 2',
    'x = 20',
    'x * 2 + 2',
    'def f(n):',
    '    return n * 3',
    '',
    'f(5)',
    'print("printed")',
    'None',
    '"a" + "b"',
    '1 / 0',
    'x + 1',
    'for i in range(2):',
    '    print("loop", i)',
    '',
])
check('exit status after Ctrl-D', status, 0)
lines = out.split('\n')
check('prompt shown', '>>> ' in out, True)
check('continuation prompt shown', '... ' in out, True)
for want in ['3', '42', '15', 'printed', "'ab'", '21', 'loop 0', 'loop 1']:
    check('output line %r' % want, any(l.endswith(want) for l in lines), True)
check('None not echoed', not any(l.strip() == 'None' for l in lines), True)
check('error reported, session continues', 'ZeroDivisionError' in out and '21' in out, True)
finish()
