# Event (set/clear/is_set, many waiters) and Lock (ordering, locked, release errors, cancel while
# waiting).
import asyncio

async def main():
    ev = asyncio.Event()
    print(ev.is_set())
    order = []
    async def waiter(n):
        await ev.wait()
        order.append(n)
    ts = [asyncio.create_task(waiter(i)) for i in range(4)]
    await asyncio.sleep(0.01)
    print(order)
    ev.set()
    print(ev.is_set(), await ev.wait())
    for t in ts:
        await t
    print(order)
    ev.clear()
    print(ev.is_set())

    lock = asyncio.Lock()
    print(lock.locked())
    try:
        lock.release()
    except RuntimeError:
        print('RuntimeError')
    log = []
    async def worker(n):
        async with lock:
            log.append(('in', n, lock.locked()))
            await asyncio.sleep(0.005)
            log.append(('out', n))
    ws = [asyncio.create_task(worker(i)) for i in range(3)]
    await asyncio.sleep(0)
    victim = ws[1]
    victim.cancel()
    for w in ws:
        try:
            await w
        except asyncio.CancelledError:
            print('worker cancelled while waiting')
    print(log)
    print(lock.locked())
    await lock.acquire()
    print(lock.locked())
    lock.release()
    print(lock.locked())

asyncio.run(main())
