# start_server and open_connection on one event loop: an echo server and two clients.
import asyncio

async def handle(reader, writer):
    while True:
        line = await reader.readline()
        if not line:
            break
        writer.write(b'echo: ' + line)
        await writer.drain()
    writer.close()
    await writer.wait_closed()

async def client(port, name, lines):
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    out = []
    for l in lines:
        writer.write(l.encode() + b'\n')
        await writer.drain()
        out.append(await reader.readline())
    writer.write(b'bye\n')
    await writer.drain()
    out.append(await reader.readexactly(5))
    out.append(await reader.read(100))
    writer.close()
    await writer.wait_closed()
    return name, out

async def main():
    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    res = await asyncio.gather(client(port, 'c1', ['one', 'two']), client(port, 'c2', ['three']))
    for r in res:
        print(r)
    # a big transfer goes through drain in pieces
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    writer.write(b'x' * 50000 + b'\n')
    await writer.drain()
    line = await reader.readline()
    print(len(line), line[:8])
    writer.close()
    server.close()
    await server.wait_closed()
    print('closed')

asyncio.run(main())
