# MicroPython-only parts: the uasyncio name, sleep_ms, wait_for_ms, ThreadSafeFlag set from a
# machine.Timer callback, and the loop object's run_forever/stop.
# adder-args: --fast-time
import uasyncio
import asyncio
import machine
print(uasyncio is asyncio)

flag = asyncio.ThreadSafeFlag()
hits = []

def tick(t):
    hits.append(len(hits))
    flag.set()

async def waiter(n):
    for i in range(n):
        await flag.wait()
        print('flag', i)

async def main():
    tim = machine.Timer(0)
    tim.init(period=50, mode=machine.Timer.PERIODIC, callback=tick)
    await asyncio.wait_for_ms(waiter(3), 1000)
    tim.deinit()
    try:
        await asyncio.wait_for_ms(flag.wait(), 100)
    except asyncio.TimeoutError:
        print('no more flags')
    await asyncio.sleep_ms(5)
    print('hits', len(hits))

asyncio.run(main())

loop = asyncio.get_event_loop()
async def stopper():
    await asyncio.sleep_ms(10)
    print('stopping')
    loop.stop()
loop.create_task(stopper())
loop.run_forever()
print(loop.run_until_complete(asyncio.sleep_ms(1)))
print('done')
