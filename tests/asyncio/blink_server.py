# An LED blinker on GPIO2 and a TCP server with its client, side by side on one event loop.
import asyncio
import machine

led = machine.Pin(2, machine.Pin.OUT)
toggles = []

async def blink(n, period_ms):
    for i in range(n):
        led.value(not led.value())
        toggles.append(led.value())
        await asyncio.sleep_ms(period_ms)

async def handle(reader, writer):
    req = await reader.readline()
    while (await reader.readline()) not in (b'\r\n', b''):
        pass
    body = b'LED toggled %d times' % len(toggles)
    writer.write(b'HTTP/1.0 200 OK\r\nContent-Length: %d\r\n\r\n' % len(body) + body)
    await writer.drain()
    writer.close()
    print('served', req.split()[1])

async def get(port, path):
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    writer.write(b'GET ' + path + b' HTTP/1.0\r\n\r\n')
    await writer.drain()
    resp = await reader.read()
    writer.close()
    return resp.split(b'\r\n')[0], resp.split(b'\r\n\r\n')[1]

async def main():
    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    blinker = asyncio.create_task(blink(10, 10))
    status, body = await get(port, b'/first')
    print(status, body.startswith(b'LED toggled'))
    await blinker
    status, body = await get(port, b'/second')
    print(status, body)
    server.close()
    await server.wait_closed()
    print(toggles)

asyncio.run(main())
