# adder-args: --board nodemcu --fast-time
# The simulated SSD1306 at 0x3C driven by a user-written driver; the board module shows what the
# panel displays (checked here at reduced resolution).  Runs in the board's 40 KB heap.
from machine import Pin, I2C
from _ssd1306 import SSD1306_I2C
from _oled import lit, thumbnail

i2c = I2C(scl=Pin(14), sda=Pin(4))
print(i2c.scan())
oled = SSD1306_I2C(128, 64, i2c)


print(lit())
oled.rect(0, 0, 128, 64)
oled.rect(40, 16, 16, 16)
oled.pixel(127, 63, 0)
oled.show()
thumbnail()
oled.invert(1)
print(lit())
oled.invert(0)
oled.poweroff()
print(lit())
oled.poweron()
oled.fill(1)
oled.show()
print(lit())
