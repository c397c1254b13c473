# Errors come back as OSError with the errno; non-blocking calls raise EAGAIN; timeouts.
import errno
import socket

srv = socket.socket()
srv.bind(('127.0.0.1', 0))
port = srv.getsockname()[1]
c = socket.socket()
try:
    c.connect(('127.0.0.1', port))   # bound but not listening
except OSError as e:
    print('refused', e.errno == errno.ECONNREFUSED)
c.close()

srv.listen(1)
srv.setblocking(False)
try:
    srv.accept()
except OSError as e:
    print('would block', e.errno == errno.EAGAIN)
srv.settimeout(0.05)
try:
    srv.accept()
except OSError as e:
    print('accept timed out', isinstance(e, OSError))
srv.close()
try:
    srv.listen(1)
except OSError as e:
    print('closed', e.errno == errno.EBADF)

try:
    socket.socket().bind(('127.0.0.1', 70000))
except OverflowError as e:
    print('OverflowError')
try:
    socket.socket().connect('127.0.0.1')
except TypeError:
    print('TypeError')
s = socket.socket()
s.settimeout(None)
s.setblocking(True)
try:
    s.settimeout(-1)
except ValueError:
    print('ValueError')
s.close()
print(socket.AF_INET != socket.AF_INET6, socket.SOCK_STREAM != socket.SOCK_DGRAM)
