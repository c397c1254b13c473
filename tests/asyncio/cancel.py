# Cancellation: of a sleeping task, of a task waiting on an Event, with try/finally cleanup,
# of a wait_for's inner task, and of gather's children when gather is cancelled.
import asyncio

async def sleeper(name, log):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log.append(name + ' cancelled')
        raise
    finally:
        log.append(name + ' cleanup')

async def main():
    log = []
    t = asyncio.create_task(sleeper('s1', log))
    await asyncio.sleep(0)
    print(t.done(), t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print('awaiting a cancelled task raises CancelledError')
    print(log, t.done(), t.cancelled(), t.cancel())

    ev = asyncio.Event()
    async def ev_waiter():
        await ev.wait()
        return 'woke'
    w = asyncio.create_task(ev_waiter())
    await asyncio.sleep(0.01)
    w.cancel()
    ev.set()
    try:
        print(await w)
    except asyncio.CancelledError:
        print('event waiter cancelled')

    log.clear()
    inner = asyncio.create_task(sleeper('inner', log))
    try:
        await asyncio.wait_for(inner, 0.02)
    except asyncio.TimeoutError:
        print('wait_for timed out', inner.done(), log)

    log.clear()
    async def gathered():
        return await asyncio.gather(sleeper('g1', log), sleeper('g2', log))
    g = asyncio.create_task(gathered())
    await asyncio.sleep(0.01)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print('gather cancelled', sorted(log))

    # a task cancelled before it ever ran
    log.clear()
    t = asyncio.create_task(sleeper('never', log))
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print('cancelled before start', log)

    # the task swallows the cancellation and returns a value
    async def stubborn():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            return 'ignored'
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    t.cancel()
    print(await t)

asyncio.run(main())
