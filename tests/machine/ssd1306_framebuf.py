# adder-args: --board nodemcu --fast-time
# An SSD1306 driver written the usual MicroPython way, as a subclass of framebuf.FrameBuffer over a
# MONO_VLSB buffer (one byte per column per 8-row page, the panel's own memory layout): the drawing
# comes from FrameBuffer, show() sends the buffer to the simulated OLED at 0x3C, and the board
# module reads back what the panel displays.
import framebuf
from _oled import lit, row
from machine import Pin, I2C


class SSD1306(framebuf.FrameBuffer):
    def __init__(self, width, height, i2c, addr=0x3C):
        self.width = width
        self.height = height
        self.pages = height // 8
        self.i2c = i2c
        self.addr = addr
        self.buffer = bytearray(self.pages * width)
        super().__init__(self.buffer, width, height, framebuf.MONO_VLSB)
        self.init_display()

    def init_display(self):
        for cmd in (
            0xAE,               # display off
            0x20, 0x00,         # horizontal addressing mode
            0x40,               # start line 0
            0xA1,               # column 127 is SEG0
            0xA8, self.height - 1,
            0xC8,               # COM scan from COM[N-1]
            0xD3, 0x00,         # no display offset
            0xDA, 0x12,         # COM pins
            0xD5, 0x80,         # clock divide
            0xD9, 0xF1,         # precharge
            0xDB, 0x30,         # VCOM deselect level
            0x81, 0xFF,         # contrast
            0xA4,               # display follows RAM
            0xA6,               # not inverted
            0x8D, 0x14,         # charge pump on
            0xAF,               # display on
        ):
            self.write_cmd(cmd)
        self.fill(0)
        self.show()

    def write_cmd(self, cmd):
        self.i2c.writeto(self.addr, bytes((0x80, cmd)))

    def show(self):
        for cmd in (0x21, 0, self.width - 1, 0x22, 0, self.pages - 1):
            self.write_cmd(cmd)
        self.i2c.writevto(self.addr, (b'\x40', self.buffer))

    def invert(self, on):
        self.write_cmd(0xA6 | (1 if on else 0))


def region(top, bottom, left, right):
    # the panel's text rendering: one character per column, two pixel rows per character
    for i in range(top, bottom):
        print(row(i)[left:right].rstrip())


i2c = I2C(scl=Pin(14), sda=Pin(4))
oled = SSD1306(128, 64, i2c)
print(isinstance(oled, framebuf.FrameBuffer), oled.width, oled.height, len(oled.buffer))
print('blank:', lit())

oled.text('Hello, Adder!', 0, 0)
oled.text('0123456789', 0, 10)
oled.show()
region(0, 10, 0, 110)

oled.fill(0)
oled.rect(0, 0, 128, 64, 1)
oled.fill_rect(4, 4, 20, 10, 1)
oled.line(30, 4, 60, 30, 1)
oled.hline(70, 10, 40, 1)
oled.vline(120, 4, 50, 1)
oled.ellipse(96, 44, 20, 12, 1)
oled.ellipse(40, 48, 8, 8, 1, True)
oled.show()
print('shapes:', lit())
region(0, 34, 0, 130)

# scroll the drawing left by 8 pixels, then clear the strip scrolled in
oled.scroll(-8, 0)
oled.fill_rect(120, 0, 8, 64, 0)
oled.show()
print('scrolled:', lit())

# a sprite blitted with a transparent key
sprite = framebuf.FrameBuffer(bytearray(8), 8, 8, framebuf.MONO_VLSB)
sprite.fill(1)
sprite.pixel(3, 3, 0)
oled.fill(0)
oled.blit(sprite, 60, 28)
oled.show()
print('sprite:', lit(), oled.pixel(63, 31), oled.pixel(64, 31))

oled.invert(True)
print('inverted:', lit())
oled.invert(False)
print('buffer sum:', sum(oled.buffer))
