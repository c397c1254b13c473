# asyncio/stream.py: streams over sockets (or any pollable stream), open_connection and
# start_server, as MicroPython's asyncio has them (StreamReader and StreamWriter are one class).
from . import core


class Stream:
    def __init__(self, s, e={}):
        self.s = s
        self.e = e
        self.out = b''

    def get_extra_info(self, v):
        return self.e.get(v)

    async def read(self, n=-1):
        r = b''
        while True:
            await core._io_wait(self.s, 0)
            r2 = self.s.read(n if n >= 0 else 256)
            if r2 is None:
                continue
            if n >= 0:
                return r2
            if not r2:
                return r
            r += r2

    async def readinto(self, buf):
        while True:
            await core._io_wait(self.s, 0)
            n = self.s.readinto(buf)
            if n is not None:
                return n

    async def readexactly(self, n):
        r = b''
        while n:
            await core._io_wait(self.s, 0)
            r2 = self.s.read(n)
            if r2 is None:
                continue
            if not r2:
                raise EOFError
            r += r2
            n -= len(r2)
        return r

    async def readline(self):
        line = b''
        while True:
            await core._io_wait(self.s, 0)
            l2 = self.s.readline()
            if l2 is None:
                continue
            line += l2
            if not l2 or line[-1] == 10:
                return line

    def write(self, buf):
        self.out += buf

    async def drain(self):
        out, self.out = self.out, b''
        mv = memoryview(out)
        while mv:
            await core._io_wait(self.s, 1)
            n = self.s.write(mv)
            if n is not None:
                mv = mv[n:]

    def close(self):
        self.s.close()

    async def wait_closed(self):
        pass

    async def aclose(self):
        await self.drain()
        self.close()

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await self.aclose()


StreamReader = Stream
StreamWriter = Stream


async def open_connection(host, port):
    import socket  # here, not at the top: streams over other objects work on boards without sockets
    ai = socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM)[0]
    s = socket.socket(ai[0], ai[1], ai[2])
    s.setblocking(False)
    try:
        s.connect(ai[-1])
    except OSError as e:
        if e.errno != 115:      # EINPROGRESS: the connection completes when it is writable
            raise
    await core._io_wait(s, 1)
    ss = Stream(s, {'peername': ai[-1]})
    return ss, ss


class Server:
    def __init__(self, s):
        self.sockets = [s]
        self.task = None

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        self.close()
        await self.wait_closed()

    def close(self):
        if self.task is not None:
            self.task.cancel()

    async def wait_closed(self):
        await self.task

    async def _serve(self, s, cb):
        try:
            while True:
                await core._io_wait(s, 0)
                try:
                    s2, addr = s.accept()
                except OSError:
                    continue
                s2.setblocking(False)
                ss = Stream(s2, {'peername': addr})
                core.create_task(cb(ss, ss))
        except core.CancelledError:
            s.close()


async def start_server(cb, host, port, backlog=5):
    import socket
    ai = socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM)[0]
    s = socket.socket(ai[0], ai[1], ai[2])
    s.setblocking(False)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(ai[-1])
    s.listen(backlog)
    srv = Server(s)
    srv.task = core.create_task(srv._serve(s, cb))
    return srv
