# asyncio/lock.py: Lock, handed directly to the longest waiter on release.  Loaded on first use.
from . import core


class Lock:
    def __init__(self):
        self.state = 0          # 0 free, 1 held, or the waiting task it is being handed to
        self.waiting = core._Queue()

    def locked(self):
        return self.state == 1

    def release(self):
        if self.state != 1:
            raise RuntimeError('Lock not acquired')
        if self.waiting:
            self.state = self.waiting.pop()
            core._ready.push(self.state)
        else:
            self.state = 0

    async def acquire(self):
        if self.state != 0:
            self.waiting.push(core._cur)
            try:
                await core._yield
            except core.CancelledError:
                if self.state is core._cur:
                    self.state = 1
                    self.release()
                raise
        self.state = 1
        return True

    async def __aenter__(self):
        return await self.acquire()

    async def __aexit__(self, exc_type, exc, tb):
        self.release()
