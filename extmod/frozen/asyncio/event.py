# asyncio/event.py: Event, and ThreadSafeFlag (which an IRQ handler or a machine.Timer callback
# may set).  Loaded on first use (see __init__.py).
from . import core


class Event:
    def __init__(self):
        self.state = False
        self.waiting = core._Queue()

    def is_set(self):
        return self.state

    def set(self):
        self.state = True
        while self.waiting:
            core._ready.push(self.waiting.pop())

    def clear(self):
        self.state = False

    async def wait(self):
        if not self.state:
            self.waiting.push(core._cur)
            await core._yield
        return True


class ThreadSafeFlag(Event):
    # wait() consumes the flag.  While a task waits, the loop looks at least every 10 ms, so a set()
    # from an IRQ is seen even when nothing else would wake the loop.
    async def wait(self):
        if not self.state:
            self.waiting.push(core._cur)
            core._tsf_waiting += 1
            try:
                await core._yield
            finally:
                core._tsf_waiting -= 1
        self.state = False
