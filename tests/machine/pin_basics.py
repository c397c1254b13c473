# adder-args: --fast-time
# machine.Pin and machine.Signal on the virtual NodeMCU: modes, values, on/off/high/low, __call__,
# init, mode()/pull() queries, and the board's wiring (pull-ups on GPIO0 and GPIO2).
import machine
from machine import Pin, Signal
import board

pin = machine.Pin(2, machine.Pin.OUT)
print(pin, pin is Pin(2))
pin.high()
print(pin.value(), pin(), board.leds()['blue'])     # active-low: high is off
pin.low()
print(pin.value(), pin(), board.leds()['blue'])     # low lights it
pin.on(); print(pin.value())
pin.off(); print(pin.value())
pin(1); print(pin())
pin.value(0); print(pin())
print(pin.mode() == Pin.OUT, pin.pull())

p5 = Pin(5, Pin.OUT, value=1)                       # the external LED, active-high
print(p5.value(), board.leds()['ext'])
p5.init(mode=Pin.OUT, value=0)
print(p5.value(), board.leds()['ext'])

b = Pin(0, Pin.IN)                                  # FLASH button, pulled up on the board
print(b.value())
board.press('FLASH'); print(b.value())
board.release('FLASH'); print(b.value())

# a floating input follows what drives it; PULL_UP holds it high otherwise
p4 = Pin(4, Pin.IN)
print(p4.value())
p4.init(pull=Pin.PULL_UP)
print(p4.value(), p4.pull() == Pin.PULL_UP)
board.drive(4, 0); print(p4.value())
board.drive(4, None); print(p4.value())

# open drain: low drives, high lets the pull-up win
od = Pin(12, Pin.OPEN_DRAIN, Pin.PULL_UP)
od.value(0); print(od.value())
od.value(1); print(od.value())

# Signal hides the inversion of active-low LEDs
led = Signal(Pin(16, Pin.OUT), invert=True)
print(led)
led.on(); print(led.value(), Pin(16).value(), board.leds()['red'])
led.off(); print(led.value(), Pin(16).value(), board.leds()['red'])
led(1); print(led())
s = Signal(2, Pin.OUT)
s.on(); print(s.value(), Pin(2).value())
print(Pin.IN, Pin.OUT, Pin.OPEN_DRAIN, Pin.PULL_UP, Pin.IRQ_RISING, Pin.IRQ_FALLING)
