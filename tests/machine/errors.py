# adder-args: --fast-time
# Errors as on the board: ValueError for pins that don't exist or hold the flash (GPIO 6-11), for
# what GPIO16 can't do (pull-up, IRQ, PWM), for bad modes and out-of-range values; OSError for an
# I2C address nobody answers.
import machine
from machine import Pin, PWM, Timer, SoftI2C


def check(f, *args, **kw):
    try:
        f(*args, **kw)
        print("no error")
    except Exception as e:
        print(type(e).__name__ + ":", e)


for n in (6, 7, 8, 9, 10, 11, 17, -1, 100):
    check(Pin, n)
check(Pin, 16, Pin.IN, Pin.PULL_UP)
check(Pin(16).irq, handler=lambda p: None)
check(PWM, Pin(16))
check(Pin, 2, 7)
check(Pin, 2, Pin.IN, 5)
check(Pin, "x")
check(Pin)
check(Timer, 3)
check(Timer(-1).init, mode=7, period=10)
check(machine.freq, 100000000)
i2c = SoftI2C(scl=Pin(14), sda=Pin(4))
check(i2c.writeto, 0x50, b'\x00')
check(i2c.readfrom_mem, 0x3D, 0, 1)
check(i2c.writeto, 0x3C, 5)
check(PWM(Pin(4)).duty_u16, 70000)
print(machine.freq())
