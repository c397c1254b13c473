# adder-args: --fast-time
# Under --fast-time the virtual clock also moves while Python computes (each stop of the VM between
# bytecodes costs a few virtual microseconds while a timer is armed), so a busy loop waiting for a
# Timer callback ends, at the same virtual time on every run.
from machine import Timer
import time

done = False


def finish(t):
    global done
    done = True


t0 = time.ticks_ms()
Timer(-1).init(period=250, mode=Timer.ONE_SHOT, callback=finish)
n = 0
while not done:
    n += 1
print('one-shot after', time.ticks_diff(time.ticks_ms(), t0), 'ms', n > 1000)

# a periodic timer counted from a busy loop that also does work
ticks = []
tp = Timer(-1)
tp.init(period=10, mode=Timer.PERIODIC, callback=lambda t: ticks.append(1))
total = 0
while len(ticks) < 5:
    total += sum(range(10))
tp.deinit()
print('periodic x5 after', time.ticks_diff(time.ticks_ms(), t0), 'ms', total > 0)

# with nothing armed, a loop is not slowed down by the clock
for i in range(100000):
    pass
print('still', time.ticks_diff(time.ticks_ms(), t0), 'ms')
