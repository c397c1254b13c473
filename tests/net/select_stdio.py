# poll and select on the standard streams: the test runner gives stdout as a pipe and stdin as
# /dev/null (readable: at end of file).  Objects or fds, as MicroPython or CPython report them.
import select
import sys

def fds(res):
    return [(o if isinstance(o, int) else o.fileno(), ev) for o, ev in res]

p = select.poll()
p.register(sys.stdout, select.POLLOUT)
print(fds(p.poll(1000)))
p.register(sys.stdin, select.POLLIN)
print(sorted(fds(p.poll(1000))))
p.unregister(sys.stdout)
print(fds(p.poll(0)))
r, w, x = select.select([sys.stdin], [sys.stdout], [], 1)
print([o.fileno() for o in r], [o.fileno() for o in w], x)
print(repr(sys.stdin.read()))
