# asyncio/funcs.py: gather, wait_for and wait_for_ms.  Loaded on first use.
from . import core


async def gather(*aws, return_exceptions=False):
    tasks = [a if isinstance(a, core.Task) else core.create_task(a) for a in aws]
    for t in tasks:
        t.quiet = True
    res = []
    for t in tasks:
        try:
            r = await t
        except core.CancelledError as e:
            if not t._done:     # gather itself was cancelled: so are its children
                for x in tasks:
                    x.cancel()
                raise
            if not return_exceptions:
                raise
            r = e
        except Exception as e:
            if not return_exceptions:
                raise
            r = e
        res.append(r)
    return res


async def wait_for_ms(aw, ms):
    t = aw if isinstance(aw, core.Task) else core.create_task(aw)
    if ms is None:
        return await t
    t.quiet = True
    expired = []

    async def timer():
        await core.sleep_ms(ms)
        expired.append(True)
        t.cancel()

    k = core.create_task(timer())
    try:
        return await t
    except core.CancelledError:
        if expired:
            raise core.TimeoutError
        if not t._done:
            t.cancel()
        raise
    finally:
        k.cancel()


async def wait_for(aw, timeout):
    return await wait_for_ms(aw, None if timeout is None else timeout * 1000)
