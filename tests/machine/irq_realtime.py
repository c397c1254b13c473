# Callbacks on the real clock run between bytecodes even while Python computes (the VM's pending
# flag, raised by the board's timer interrupt), and a pin edge caused by Python's own write runs
# its handler before the next statements do.
from machine import Timer, Pin
import time

n = 0


def tick(t):
    global n
    n += 1


t = Timer(-1)
t.init(period=20, callback=tick)
t0 = time.ticks_ms()
while time.ticks_diff(time.ticks_ms(), t0) < 300:
    pass   # a busy loop, no sleep
t.deinit()
print("timer ran while busy:", n >= 5, n <= 16)

seen = []
p = Pin(5, Pin.OUT, value=0)
p.irq(handler=lambda p: seen.append(p.value()), trigger=Pin.IRQ_RISING | Pin.IRQ_FALLING)
p.on()
for i in range(3):
    pass
p.off()
for i in range(3):
    pass
print(seen)

# disable_irq holds callbacks back; enable_irq lets them run
state = __import__('machine').disable_irq()
p.on()
for i in range(3):
    pass
print("held:", seen)
__import__('machine').enable_irq(state)
for i in range(3):
    pass
print("released:", seen)
