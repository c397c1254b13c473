# Tasks, gather (return_exceptions), wait_for timeouts, cancellation, Event and Lock.
import asyncio
async def worker(name, n, d):
    for i in range(n):
        print(name, i)
        await asyncio.sleep(d)
    return name * 2
async def bad():
    await asyncio.sleep(0.01)
    raise ValueError('boom')
async def main():
    r = await asyncio.gather(worker('a', 3, 0.02), worker('b', 2, 0.03))
    print(r)
    r = await asyncio.gather(bad(), worker('c', 1, 0), return_exceptions=True)
    print([type(x).__name__ for x in r])
    try:
        await asyncio.wait_for(asyncio.sleep(1), 0.05)
    except asyncio.TimeoutError:
        print('timeout')
    print(await asyncio.wait_for(worker('d', 1, 0.01), 1))
    t = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0.01)
    print(t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print('cancelled')
    ev = asyncio.Event()
    async def waiter():
        print('waiting')
        await ev.wait()
        print('got event')
    w = asyncio.create_task(waiter())
    await asyncio.sleep(0.01)
    ev.set()
    await w
    lock = asyncio.Lock()
    async def locker(n):
        async with lock:
            print('lock', n)
            await asyncio.sleep(0.01)
            print('unlock', n)
    await asyncio.gather(locker(1), locker(2), locker(3))
asyncio.run(main())
