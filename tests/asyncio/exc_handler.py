# An exception nobody awaits goes to the loop's exception handler; awaited ones propagate.
# The handler is called when a task ends with an exception no one awaits (MicroPython; CPython
# reports it only when the task is garbage collected).
import asyncio

async def bad(n):
    await asyncio.sleep(0)
    raise ValueError('oops %d' % n)

async def main():
    asyncio.create_task(bad(1))
    await asyncio.sleep(0.01)
    try:
        await asyncio.create_task(bad(2))
    except ValueError as e:
        print('caught', e)
    print('main done')

def handler(loop, context):
    print('handler:', context['message'], repr(context['exception']))

loop = asyncio.get_event_loop()
loop.set_exception_handler(handler)
print(loop.get_exception_handler() is handler)
asyncio.run(main())
try:
    asyncio.run(bad(3))
except ValueError as e:
    print('run raised', e)
