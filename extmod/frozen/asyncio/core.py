# asyncio/core.py: the scheduler (a ready queue, a sleep queue ordered by wake time and a
# select.poll for I/O), tasks, sleeping and the loop object; Event, Lock, gather and wait_for
# live in event.py, lock.py and funcs.py.
# Frozen into the binary (docs/freezing.md).  A task's coroutine yields to the scheduler only
# after putting itself in some queue (the sleep queue, an Event's, another task's waiters, I/O);
# whatever later wakes it moves it back to the ready queue.
from time import ticks_ms as _ticks_ms, ticks_diff as _ticks_diff, ticks_add as _ticks_add
import select as _select
import sys as _sys


class CancelledError(BaseException):
    pass


TimeoutError = TimeoutError


class _Queue:
    # A FIFO of tasks; a task knows the queue it waits in (task.queue) so cancel can take it out.
    def __init__(self):
        self.q = []

    def __bool__(self):
        return bool(self.q)

    def push(self, t):
        self.q.append(t)
        t.queue = self

    def pop(self):
        t = self.q.pop(0)
        t.queue = None
        return t

    def remove(self, t):
        self.q.remove(t)
        t.queue = None

    def push_at(self, t, when):
        # The sleep queue is ordered by wake time (ticks arithmetic: it survives ticks_ms wrapping).
        t.wake = when
        q = self.q
        i = len(q)
        while i > 0 and _ticks_diff(q[i - 1].wake, when) > 0:
            i -= 1
        q.insert(i, t)
        t.queue = self


class _IOQueue:
    # Tasks waiting for a stream to become readable (slot 0) or writable (slot 1).
    def __init__(self):
        self.poller = _select.poll()
        self.map = {}

    def __bool__(self):
        return bool(self.map)

    def _update(self, s, e):
        mask = (_select.POLLIN if e[0] else 0) | (_select.POLLOUT if e[1] else 0)
        if mask:
            self.poller.register(s, mask)
        else:
            self.poller.unregister(s)
            del self.map[s]

    def wait(self, s, slot, t):
        e = self.map.get(s)
        if e is None:
            e = self.map[s] = [None, None]
        if e[slot] is not None:
            raise RuntimeError('stream already waited on')
        e[slot] = t
        t.queue = self
        self._update(s, e)

    def remove(self, t):
        for s, e in list(self.map.items()):
            if e[0] is t or e[1] is t:
                e[e[1] is t] = None
                self._update(s, e)
        t.queue = None

    def poll(self, timeout_ms):
        for s, ev in self.poller.poll(timeout_ms):
            e = self.map[s]
            for slot, bits in ((0, ~_select.POLLOUT), (1, ~_select.POLLIN)):
                t = e[slot]
                if t is not None and ev & bits:
                    e[slot] = None
                    t.queue = None
                    _ready.push(t)
            self._update(s, e)


_ready = _Queue()
_sleeping = _Queue()
_io = _IOQueue()
_cur = None
_stop = False
_tsf_waiting = 0
_handler = None


class _Yield:
    # Awaiting this gives control back to the scheduler.
    def __await__(self):
        yield

    __iter__ = __await__


_yield = _Yield()


class Task:
    def __init__(self, coro):
        if not hasattr(coro, 'send'):
            raise TypeError('coroutine expected')
        self.coro = coro
        self.waiting = _Queue()
        self.queue = None
        self.exc_in = None      # thrown into the coroutine at its next step (cancellation)
        self.value = None
        self.exc = None
        self._done = False
        self.quiet = False      # its exception goes to someone (gather): don't report it
        self.wake = 0           # when it is due, while in the sleep queue
        _ready.push(self)

    def done(self):
        return self._done

    def cancelled(self):
        return self._done and isinstance(self.exc, CancelledError)

    def result(self):
        if self.exc is not None:
            raise self.exc
        return self.value

    def cancel(self):
        if self._done:
            return False
        if self is _cur:
            raise RuntimeError("can't cancel self")
        if self.queue is not _ready:
            if self.queue is not None:
                self.queue.remove(self)
            _ready.push(self)
        self.exc_in = CancelledError()
        return True

    def __await__(self):
        if not self._done:
            self.waiting.push(_cur)
            yield
        if self.exc is not None:
            raise self.exc
        return self.value

    __iter__ = __await__

    def __repr__(self):
        return '<Task>'


def current_task():
    if _cur is None:
        raise RuntimeError('no running event loop')
    return _cur


def create_task(coro):
    return Task(coro)


async def sleep_ms(ms):
    _sleeping.push_at(_cur, _ticks_add(_ticks_ms(), max(0, int(ms))))
    await _yield


async def sleep(t):
    await sleep_ms(t * 1000)


def _finish(t, value, exc):
    t._done = True
    t.value = value
    t.exc = exc
    woke = bool(t.waiting)
    while t.waiting:
        _ready.push(t.waiting.pop())
    if exc is not None and not woke and not t.quiet and not isinstance(exc, CancelledError):
        _loop.call_exception_handler({'message': "Task exception wasn't retrieved",
                                      'exception': exc, 'future': t})
    t.coro = None


def _step(t):
    global _cur
    _cur = t
    exc, t.exc_in = t.exc_in, None
    try:
        if exc is None:
            t.coro.send(None)
        else:
            t.coro.throw(exc)
    except StopIteration as e:
        _finish(t, e.value, None)
    except CancelledError as e:
        _finish(t, None, e)
    except Exception as e:
        _finish(t, None, e)
    finally:
        _cur = None


def _wait():
    # Nothing is ready: sleep until the next sleeper is due or some I/O is ready.
    dt = -1
    if _sleeping:
        dt = max(0, _ticks_diff(_sleeping.q[0].wake, _ticks_ms()))
    if _tsf_waiting and (dt < 0 or dt > 10):
        dt = 10     # a ThreadSafeFlag set from an IRQ is seen within 10 ms
    if dt != 0:
        _io.poll(dt)    # with nothing registered this just sleeps, running timers and IRQs


def _run(main):
    global _stop
    _stop = False
    if main is not None:
        main.quiet = True   # its exception is the caller's
    while True:
        now = _ticks_ms()
        while _sleeping and _ticks_diff(_sleeping.q[0].wake, now) <= 0:
            _ready.push(_sleeping.pop())
        if not _ready:
            if _stop or (main is not None and main._done):
                break
            _wait()
            continue
        _step(_ready.pop())
        if main is not None and main._done:
            break
    if main is not None and main._done:
        return main.result()


def run_until_complete(main_task=None):
    return _run(main_task)


def run(coro):
    return _run(create_task(coro))


class Loop:
    def create_task(self, coro):
        return create_task(coro)

    def run_forever(self):
        _run(None)

    def run_until_complete(self, aw):
        return _run(aw if isinstance(aw, Task) else create_task(aw))

    def stop(self):
        global _stop
        _stop = True

    def close(self):
        pass

    def set_exception_handler(self, handler):
        global _handler
        _handler = handler

    def get_exception_handler(self):
        return _handler

    def default_exception_handler(self, loop, context):
        print(context['message'], file=_sys.stderr)
        print('future:', context['future'], 'coro=', context['future'].coro, file=_sys.stderr)
        _sys.print_exception(context['exception'], _sys.stderr)

    def call_exception_handler(self, context):
        if _handler is None:
            self.default_exception_handler(self, context)
        else:
            _handler(self, context)


_loop = Loop()


def get_event_loop(runq_len=0, waitq_len=0):
    return _loop


def new_event_loop():
    global _ready, _sleeping, _io
    _ready = _Queue()
    _sleeping = _Queue()
    _io = _IOQueue()
    return _loop


def _io_wait(s, slot):
    # Awaitable: until stream s is readable (slot 0) or writable (slot 1).
    _io.wait(s, slot, _cur)
    return _yield
