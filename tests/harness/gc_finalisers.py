# Finalisers of native objects: a file on the board's flash file system that is written and dropped
# without close() is committed by gc.collect() (its __del__), so the data survives a process that is
# then killed (SIGKILL: no clean unmount); a file still referenced is not committed (the control).
# Sockets and host files dropped without close() give their fds back at gc.collect().
import os
import signal
import subprocess
from _util import ADDER, SLOW, check, finish, run, script, tempdir

WRITER = '''
import gc, time
def write(text):
    f = open('/flash/data.txt', 'w')
    f.write(text)
    return f
%s
gc.collect()
gc.collect()
print('collected', flush=True)
time.sleep(30)
'''

READER = '''
try:
    print(repr(open('/flash/data.txt').read()))
except OSError as e:
    print('missing')
'''


def killed_after_collect(d, image, line):
    """Runs the writer until it says it has collected, then kills it without any clean-up."""
    path = script(d, 'writer.py', WRITER % line)
    p = subprocess.Popen([ADDER, '--board', 'nodemcu', '--flash', image, path], stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, start_new_session=True, text=True)
    try:
        out = p.stdout.readline().strip()
    finally:
        os.killpg(p.pid, signal.SIGKILL)
        p.communicate(timeout=10 * SLOW)
    return out


def read_back(d, image):
    status, out, err = run(['--board', 'nodemcu', '--flash', image, script(d, 'reader.py', READER)])
    return out.strip()


with tempdir() as d:
    image = os.path.join(d, 'flash.img')
    check('writer dropping its file reaches the collection',
          killed_after_collect(d, image, "write('dropped, then collected')"), 'collected')
    check('dropped file committed by its finaliser', read_back(d, image), "'dropped, then collected'")
    os.remove(image)
    check('writer keeping its file reaches the collection',
          killed_after_collect(d, image, "kept = write('still open')"), 'collected')
    check('file still referenced: not committed', read_back(d, image), "''")

FDS = '''
import gc, os, socket
def nfds():
    return len(os.listdir('/proc/self/fd'))
def sockets(n):
    for i in range(n):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
def files(n):
    for i in range(n):
        open(%r)
base = nfds()
sockets(20)
gc.collect()
gc.collect()
print('sockets', nfds() - base)
files(20)
gc.collect()
gc.collect()
print('files', nfds() - base)
mid = nfds()
s = socket.socket()
f = open(%r)
gc.collect()
print('held', nfds() - mid)
s.close()
s.__del__()
f.__del__()
f.close()
print('closed twice', nfds() - mid, s.fileno(), f.closed)
'''

with tempdir() as d:
    here = os.path.abspath(__file__)
    status, out, err = run([script(d, 'fds.py', FDS % (here, here))])
    lines = out.split('\n')
    # the GC is conservative: a stale word may pin one object of a batch
    check('sockets dropped without close() give back their fds', lines[0] in ('sockets 0', 'sockets 1'), True)
    check('host files dropped without close() give back their fds', lines[1] in ('files 0', 'files 1'), True)
    check('referenced socket and file stay open', lines[2], 'held 2')
    check('close() and __del__ together are harmless', lines[3] if len(lines) > 3 else err, 'closed twice 0 -1 True')

finish()
