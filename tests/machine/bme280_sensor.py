# adder-args: --board nodemcu --fast-time --stimulus _env.stim
# The simulated BME280 at 0x76 read through a user-written driver (datasheet formulas), following
# the environment set from Python and from a stimulus file.
from machine import Pin, SoftI2C
import time
import board
from _bme280 import BME280

i2c = SoftI2C(scl=Pin(14), sda=Pin(4), freq=100000)
print(i2c.scan())
print(hex(i2c.readfrom_mem(0x76, 0xD0, 1)[0]))
sensor = BME280(i2c)


def show():
    t, p, h = sensor.read()
    print("%.1f C  %.1f hPa  %.1f %%" % (t, p, h))


show()
board.env(temp=30.25, humidity=60, pressure=990)
show()
time.sleep(2)            # the stimulus file changes the weather at 1 s
show()
board.env(temp=-10, humidity=5, pressure=1050)
show()
# raw register access: status and ctrl_meas go back to sleep after a forced measurement
print(i2c.readfrom_mem(0x76, 0xF4, 1))
try:
    i2c.readfrom(0x77, 1)
except OSError as e:
    print("OSError", e.args[0])
