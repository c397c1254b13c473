# select.poll and select.select on sockets.  CPython's poll reports fds where MicroPython's (and
# Adder's) report the registered objects: names() makes both print the same.
import select
import socket

srv = socket.socket()
srv.bind(('127.0.0.1', 0))
srv.listen(1)
a = socket.socket()
a.connect(srv.getsockname())
b, _ = srv.accept()
names = {a.fileno(): 'a', b.fileno(): 'b', srv.fileno(): 'srv'}

def name(o):
    return names[o if isinstance(o, int) else o.fileno()]

def show(res):
    return sorted((name(o), ev) for o, ev in res)

p = select.poll()
p.register(a, select.POLLIN)
p.register(b, select.POLLIN)
print(show(p.poll(0)))
a.send(b'x')
print(show(p.poll(1000)))
p.modify(a, select.POLLIN | select.POLLOUT)
print(show(p.poll(0)))
print(b.recv(1))
p.unregister(a)
print(show(p.poll(20)))
b.send(b'yz')
p.register(a)
print(show(p.poll()) == [('a', select.POLLIN | select.POLLOUT)])
try:
    p.modify(srv, select.POLLIN)
except OSError as e:
    print('modify unregistered', type(e).__name__)

r, w, x = select.select([a, b], [], [], 0.5)
print([name(o) for o in r], w, x)
r, w, x = select.select([b], [a, b], [])
print([name(o) for o in r], sorted(name(o) for o in w))
print(a.recv(10))
r, w, x = select.select([a, b], [], [], 0)
print(r, w, x)
c = socket.socket()
c.connect(srv.getsockname())
print([name(o) for o in select.select([srv], [], [], 1)[0]])
srv.accept()[0].close()
c.close()
p.unregister(b)
b.close()
print(show(p.poll(1000)), a.recv(5))
a.close()
srv.close()
