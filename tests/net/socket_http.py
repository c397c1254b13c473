# A tiny web server answering an HTTP GET from a client socket in the same test.
import socket

PAGE = b'<html><body><h1>Adder</h1></body></html>'

def serve_one(srv):
    conn, addr = srv.accept()
    req = conn.makefile('rwb', 0)
    request_line = req.readline()
    headers = {}
    while True:
        line = req.readline()
        if not line or line == b'\r\n':
            break
        k, v = line.split(b':', 1)
        headers[k.strip().lower()] = v.strip()
    method, path, version = request_line.split()
    if path == b'/':
        conn.sendall(b'HTTP/1.0 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n' % len(PAGE))
        conn.sendall(PAGE)
    else:
        conn.sendall(b'HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\n\r\n')
    conn.close()
    return method, path, headers.get(b'host')

srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(socket.getaddrinfo('127.0.0.1', 0)[0][-1])
srv.listen(1)
port = srv.getsockname()[1]

for path in ('/', '/missing'):
    cl = socket.socket()
    cl.connect(('127.0.0.1', port))
    cl.sendall(b'GET ' + path.encode() + b' HTTP/1.0\r\nHost: localhost\r\n\r\n')
    print(serve_one(srv))
    resp = b''
    while True:
        d = cl.recv(64)
        if not d:
            break
        resp += d
    cl.close()
    head, _, body = resp.partition(b'\r\n\r\n')
    print(head.split(b'\r\n')[0], body)
srv.close()
