# adder-args: --fast-time
# Timer(-1): PERIODIC and ONE_SHOT callbacks on the virtual clock, run while the program sleeps.
from machine import Timer
import time

log = []
t0 = time.ticks_ms()


def stamp(name):
    return lambda t: log.append((name, time.ticks_diff(time.ticks_ms(), t0)))


tp = Timer(-1)
tp.init(period=100, mode=Timer.PERIODIC, callback=stamp('tick'))
Timer(-1).init(period=250, mode=Timer.ONE_SHOT, callback=stamp('once'))
t3 = Timer(-1, mode=Timer.PERIODIC, freq=4, callback=stamp('4Hz'))
time.sleep_ms(520)
tp.deinit()
t3.deinit()
time.sleep(1)
for entry in log:
    print(*entry)
print(Timer.ONE_SHOT, Timer.PERIODIC)


# the callback gets the timer, and can stop it
count = 0


def three_times(t):
    global count
    count += 1
    if count == 3:
        t.deinit()


Timer(-1).init(period=10, callback=three_times)
time.sleep_ms(200)
print(count)
