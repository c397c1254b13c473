# adder-args: --fast-time
# The time module on the virtual clock: sleeps advance it exactly, ticks wrap at 2**30 and
# ticks_diff/ticks_add work across the wrap.
import time

t0 = time.ticks_ms()
u0 = time.ticks_us()
time.sleep(1.5)
time.sleep_ms(250)
time.sleep_us(125)
print(time.ticks_diff(time.ticks_ms(), t0), time.ticks_diff(time.ticks_us(), u0))
time.sleep(3600)          # an hour passes instantly
print(time.ticks_diff(time.ticks_ms(), t0))

PERIOD = 2 ** 30
print(time.ticks_add(PERIOD - 10, 20), time.ticks_add(5, -10))
print(time.ticks_diff(5, PERIOD - 5), time.ticks_diff(PERIOD - 5, 5))
print(time.ticks_diff(time.ticks_add(123, 1000), 123))
deadline = time.ticks_add(time.ticks_ms(), 200)
n = 0
while time.ticks_diff(deadline, time.ticks_ms()) > 0:
    time.sleep_ms(50)
    n += 1
print(n)
t = time.time()
time.sleep(10)
print(round(time.time() - t))
print(time.time_ns() > 1600000000 * 10 ** 9)
