# adder-args: --fast-time --stimulus _pulse.stim
# machine.time_pulse_us on pulses from a stimulus file: the pulse length in microseconds (to the
# resolution of a pin read, 10 us of virtual time; the Python between calls takes virtual time too),
# -2 when the level never comes, -1 when the pulse outlasts the timeout.
from machine import Pin, time_pulse_us

p = Pin(4, Pin.IN)
print(p.value())
w = time_pulse_us(p, 1, 200000)
print(340 <= w <= 360)
w = time_pulse_us(p, 1, 100000)            # waits for the edge at 150 ms: high for 50 ms
print(49990 <= w <= 50010)
w = time_pulse_us(p, 0, 100000)            # already low: the rest of the 2 ms low pulse
print(1950 <= w <= 2010)             # less the few us the Python in between took
print(time_pulse_us(p, 0, 1000))           # stays high: never starts
print(time_pulse_us(Pin(0, Pin.IN), 1, 500))   # the FLASH button's pin is high already: outlasts
