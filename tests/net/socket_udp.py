# Datagram sockets: sendto/recvfrom on 127.0.0.1.
import socket

a = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
a.bind(('127.0.0.1', 0))
b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
b.bind(('127.0.0.1', 0))
print(b.sendto(b'ping', a.getsockname()))
data, addr = a.recvfrom(100)
print(data, addr == b.getsockname())
a.sendto(b'pong!', addr)
print(b.recvfrom(3)[0])
a.settimeout(0.05)
try:
    a.recvfrom(10)
except OSError as e:
    print('timeout', isinstance(e, OSError))
a.close()
b.close()
