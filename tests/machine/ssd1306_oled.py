# adder-args: --fast-time
# The simulated SSD1306 at 0x3C driven by a user-written driver; the board module shows what the
# panel displays (checked here at reduced resolution).
from machine import Pin, I2C
import board
from _ssd1306 import SSD1306_I2C

i2c = I2C(scl=Pin(14), sda=Pin(4))
print(i2c.scan())
oled = SSD1306_I2C(128, 64, i2c)


def lit():
    return sum(ch not in ' |+-\n' for ch in board.oled_text())


def thumbnail():
    # one character per 8x8 pixel cell: '#' if any pixel in it is lit
    rows = board.oled_text().split('\n')[1:33]
    for cy in range(8):
        line = ''
        for cx in range(16):
            cell = [rows[cy * 4 + r][1 + cx * 8:1 + cx * 8 + 8] for r in range(4)]
            line += '#' if any(c != ' ' for row in cell for c in row) else '.'
        print(line)


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
