# adder-args: --fast-time
# RTC (calendar from 2000-01-01 at power-up, set and read across a leap day, user memory), the other
# machine functions, and the watchdog, which resets the board when not fed in time.
import machine
from machine import RTC, WDT
import time

r = RTC()
print(r.datetime())
r.datetime((2024, 2, 29, 3, 23, 59, 58, 0))
time.sleep(3)
print(r.datetime())
r.memory(b'boot count: 1')
print(r.memory())
print(machine.unique_id(), machine.reset_cause() == machine.PWRON_RESET)
state = machine.disable_irq()
machine.enable_irq(state)
machine.idle()
machine.lightsleep(100)
w = WDT(timeout=1000)
for i in range(3):
    time.sleep_ms(800)
    w.feed()
print("still running")
time.sleep(2)
print("not reached: the watchdog resets the board")
