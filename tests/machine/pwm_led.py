# adder-args: --fast-time
# PWM on the LED pins: duty 0..1023 shows as brightness on the virtual board (inverted for the
# active-low blue LED), duty_u16 is the same value in 16 bits, and the frequency is shared.
from machine import Pin, PWM
import board

ext = PWM(Pin(5), freq=1000, duty=512)
print(ext, board.leds()['ext'])
ext.duty(256); print(ext.duty(), board.leds()['ext'])
ext.duty_u16(65535); print(ext.duty(), ext.duty_u16(), board.leds()['ext'])
ext.duty_u16(0); print(ext.duty(), board.leds()['ext'])

blue = PWM(Pin(2), freq=500)
blue.duty(1023); print(blue, board.leds()['blue'])   # active-low: full duty is dark
blue.duty(0); print(board.leds()['blue'])
blue.duty(768); print(board.leds()['blue'])
print(ext.freq())                                  # one frequency shared by every channel
blue.deinit()
print(blue)
ext.init(freq=50, duty_ns=10000000)
print(ext, ext.duty_ns())
for bad in (0, 1001):
    try:
        ext.freq(bad)
    except ValueError as e:
        print("ValueError:", e)
for bad in (-1, 1024):
    try:
        ext.duty(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    PWM(Pin(16))
except ValueError as e:
    print("ValueError:", e)
