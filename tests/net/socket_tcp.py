# TCP server and client in one process on 127.0.0.1 (port 0: the kernel picks one).
import socket

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(('127.0.0.1', 0))
srv.listen(2)
host, port = srv.getsockname()
print(host, port > 0)

c = socket.socket()
c.connect(('127.0.0.1', port))
s, addr = srv.accept()
print(addr[0], addr[1] == c.getsockname()[1])
print(s.getpeername() == c.getsockname())

c.sendall(b'hello ' * 1000)
got = b''
while len(got) < 6000:
    got += s.recv(1024)
print(len(got), got[:12])
print(s.send(b'pong'))
print(c.recv(100))

# a socket is a stream: write/read/readline
f = c.makefile('rwb', 0)
s.sendall(b'line one\nline two\n')
print(f.readline())
print(f.readline())
c.send(b'xyz')
print(s.recv(2), s.recv(10))

# orderly shutdown: recv gives b'' at EOF
f.close()
c.close()
print(s.recv(10))
s.close()
srv.close()
try:
    s.recv(1)
except OSError as e:
    print('closed', type(e).__name__)

# context manager closes
with socket.socket() as t:
    t.bind(('127.0.0.1', 0))
    print(t.fileno() >= 0)
print(t.fileno())
