# adder-args: --fast-time --stimulus _button.stim
# Pin IRQs fired by button presses from a stimulus file; handlers run between statements while the
# program sleeps, get the Pin, and see the virtual clock at the edge.
from machine import Pin
import time

presses = []


def on_press(p):
    presses.append(time.ticks_ms())
    print("pressed", p, "at", time.ticks_ms(), "level", p.value())


def on_change(p):
    print("GPIO4 ->", p.value(), "at", time.ticks_ms())


btn = Pin(0, Pin.IN)
btn.irq(trigger=Pin.IRQ_FALLING, handler=on_press)
Pin(4, Pin.IN, Pin.PULL_UP).irq(handler=on_change, trigger=Pin.IRQ_RISING | Pin.IRQ_FALLING)

start = time.ticks_ms()
while time.ticks_diff(time.ticks_ms(), start) < 2000:
    time.sleep_ms(10)
print(len(presses), "presses")

# a busy-wait on the pin also sees the stimulus (each read takes a little virtual time)
btn.irq(handler=None)
print(btn.value())
while btn.value():
    pass
print("busy-wait saw the press at", time.ticks_ms())
