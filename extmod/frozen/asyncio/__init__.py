# asyncio: MicroPython's asyncio API (docs/library/asyncio.rst), frozen into the binary; also
# importable as uasyncio.  The scheduler is in core; the rest loads on first use, so a program
# pays heap only for the parts it touches.
from .core import *

_lazy = {
    'Event': 'event', 'ThreadSafeFlag': 'event', 'Lock': 'lock',
    'gather': 'funcs', 'wait_for': 'funcs', 'wait_for_ms': 'funcs',
    'Stream': 'stream', 'StreamReader': 'stream', 'StreamWriter': 'stream', 'Server': 'stream',
    'open_connection': 'stream', 'start_server': 'stream',
}


def __getattr__(attr):
    mod = _lazy.get(attr)
    if mod is None:
        raise AttributeError("module 'asyncio' has no attribute '%s'" % attr)
    value = getattr(__import__('asyncio.' + mod, None, None, ('x',)), attr)
    globals()[attr] = value
    return value
