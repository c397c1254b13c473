# time: clock types, monotonicity and the wrap-around arithmetic of ticks_add/ticks_diff (2**30 period)
import time

PERIOD = 2 ** 30
print(type(time.time()).__name__, type(time.time_ns()).__name__, type(time.ticks_ms()).__name__,
      type(time.ticks_us()).__name__, type(time.ticks_cpu()).__name__)
print(time.time_ns() > 1600000000 * 10 ** 9, time.time() > 1600000000)
for f in (time.ticks_ms, time.ticks_us, time.ticks_cpu):
    v = f()
    print(0 <= v < PERIOD)

prev = time.ticks_us()
back = 0
for i in range(200):
    now = time.ticks_us()
    if time.ticks_diff(now, prev) < 0:
        back += 1
    prev = now
print('went backwards', back)
t1 = time.time_ns()
t2 = time.time_ns()
print(t2 >= t1)

print(time.ticks_add(PERIOD - 1, 1), time.ticks_add(0, -1), time.ticks_add(5, PERIOD))
print(time.ticks_diff(0, PERIOD - 1), time.ticks_diff(PERIOD - 1, 0), time.ticks_diff(100, 100))
print(time.ticks_diff(PERIOD // 2 - 1, 0), time.ticks_diff(PERIOD // 2, 0))
bad = 0
for start in (0, 1, 12345, PERIOD // 2, PERIOD - 1):
    for d in range(-PERIOD // 2, PERIOD // 2, 9999991):
        if time.ticks_diff(time.ticks_add(start, d), start) != d:
            bad += 1
print('ticks_add/diff mismatches', bad)
try:
    time.ticks_add(-1, 0)
except OverflowError:
    print('OverflowError')

time.sleep(0.001)
time.sleep(0)
time.sleep_ms(1)
time.sleep_us(10)
try:
    time.sleep(-1)
except ValueError:
    print('ValueError')
import utime
print(utime.ticks_add is time.ticks_add)
