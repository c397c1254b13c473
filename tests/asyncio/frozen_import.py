# asyncio is a frozen package: its modules come from the binary, the lazy parts load on first use,
# uasyncio is the same module, and importing it costs little heap because its code stays in ROM.
import gc
import sys
gc.collect()
before = gc.mem_alloc()
import asyncio
gc.collect()
cost = gc.mem_alloc() - before
print(asyncio.__file__, asyncio.core.__file__, asyncio.__path__)
print('asyncio.core' in sys.modules, 'asyncio.stream' in sys.modules)
print(asyncio.start_server.__name__, 'asyncio.stream' in sys.modules)
import uasyncio
print(uasyncio is asyncio)
from asyncio import Lock, Event
print(Lock.__name__, Event.__name__)
try:
    asyncio.no_such_thing
except AttributeError as e:
    print('AttributeError', e)
print('heap cost below 16 KB:', cost < 16 * 1024)
try:
    asyncio.run(42)
except TypeError as e:
    print('TypeError', e)
