# adder-args: --fast-time --board _devices.board
# neopixel over machine.bitstream: the ring's colours as the board shows them (wire order G R B),
# and a servo following a 50 Hz PWM's pulse width (0.5 ms .. 2.5 ms -> 0 .. 180 degrees).
import board
import machine
import neopixel
from machine import Pin, PWM

np = neopixel.NeoPixel(Pin(4), 4)
print(np, len(np), np.n, np.bpp)
np[0] = (255, 0, 0)
np[1] = (0, 128, 0)
np[-1] = (0, 0, 64)
print(np[0], np[1], np[3], np.buf)
print(board.pixels())          # nothing sent yet
np.write()
print(board.pixels('ring'))
np.fill((10, 20, 30))
np.write()
print(board.pixels(0))
try:
    np[4] = (1, 2, 3)
except IndexError as e:
    print('IndexError:', e)
try:
    np[0] = (1, 2)
except ValueError as e:
    print('ValueError:', e)
# the raw bit stream: two pixels, 800 kHz timings
machine.bitstream(Pin(4), 0, (400, 850, 800, 450), bytes([0, 255, 0, 0, 0, 255]))
print(board.pixels()[:2])

print(board.servos())
arm = PWM(Pin(15), freq=50, duty=77)        # 1.5 ms: the middle
print(board.servos())
arm.duty(26)
print(board.servos())
arm.duty(128)
print(board.servos())
arm.deinit()
print(board.servos())
