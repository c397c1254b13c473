# framebuf: the drawing functions, checked by reading the pixels back (lines, rectangles, ellipses,
# polygons, text, scroll, blit with a key and a palette), with clipping at the edges.
import framebuf


def new(w=16, h=12, fmt=framebuf.MONO_VLSB):
    size = {framebuf.MONO_VLSB: w * ((h + 7) // 8), framebuf.GS8: w * h}[fmt]
    return framebuf.FrameBuffer(bytearray(size), w, h, fmt)


def show(title, fb, w=16, h=12):
    print(title)
    for y in range(h):
        print(' ' + ''.join('.#23456789'[fb.pixel(x, y)] for x in range(w)))


fb = new()
fb.hline(2, 1, 10, 1)
fb.vline(1, 2, 8, 1)
fb.hline(-5, 11, 100, 1)
fb.vline(15, -3, 5, 1)
show('hline vline', fb)

fb = new()
fb.line(0, 0, 15, 11, 1)
fb.line(15, 0, 0, 5, 1)
fb.line(3, 11, 5, 2, 1)
fb.line(8, 6, 8, 6, 1)
fb.line(-10, 8, 30, 8, 1)
show('line', fb)

fb = new()
fb.rect(1, 1, 6, 4, 1)
fb.rect(9, 1, 6, 4, 1, True)
fb.fill_rect(-2, 7, 5, 10, 1)
fb.rect(5, 6, 20, 20, 1)
fb.rect(0, 0, 0, 5, 1)
fb.fill_rect(4, 4, 0, 0, 1)
show('rect fill_rect', fb)

fb = new(24, 17)
fb.ellipse(6, 8, 5, 7, 1)
fb.ellipse(18, 8, 4, 4, 1, True)
show('ellipse', fb, 24, 17)

fb = new(24, 17)
fb.ellipse(5, 5, 4, 4, 1, False, 1 | 4)
fb.ellipse(17, 5, 5, 3, 1, True, 2 | 8)
fb.ellipse(11, 13, 0, 0, 1)
fb.ellipse(3, 13, 2, 0, 1)
show('ellipse quadrants', fb, 24, 17)

fb = new(20, 12)
fb.poly(1, 1, [0, 0, 7, 0, 7, 7], 1)
fb.poly(10, 1, (4, 0, 8, 9, 0, 9), 1, True)
show('poly', fb, 20, 12)

fb = new(24, 10)
fb.text('Hi!', 0, 0)
fb.text('x', 20, 2)
fb.text('~', -3, 9)
show('text', fb, 24, 10)
fb = new(40, 8)
fb.text('Aé\x01', 0, 0, 1)
show('text outside ASCII', fb, 40, 8)
try:
    fb.text(12, 0, 0)
except TypeError as e:
    print('TypeError', e)

fb = new(8, 8, framebuf.GS8)
for i in range(8):
    fb.pixel(i, i, 1)
    fb.pixel(i, 0, 2)
fb.scroll(2, 1)
show('scroll 2, 1', fb, 8, 8)
fb.scroll(-3, -2)
show('scroll -3, -2', fb, 8, 8)
fb.scroll(100, 0)
fb.scroll(0, -8)
show('scroll off the edge: unchanged', fb, 8, 8)

src = new(4, 3, framebuf.GS8)
src.fill(1)
src.pixel(1, 1, 2)
src.pixel(2, 1, 0)
fb = new(8, 6, framebuf.GS8)
fb.fill(3)
fb.blit(src, 1, 1)
fb.blit(src, 6, 4, 1)
fb.blit(src, -2, -1, 0)
show('blit', fb, 8, 6)
pal = new(3, 1, framebuf.GS8)
pal.pixel(0, 0, 5)
pal.pixel(1, 0, 6)
pal.pixel(2, 0, 7)
fb.fill(0)
fb.blit(src, 2, 1, -1, pal)
fb.blit(src, 2, 4, 6, pal)
show('blit with a palette', fb, 8, 6)
# a source given as (buffer, width, height, format)
fb.fill(0)
fb.blit((b'\x09\x08\x07\x06', 2, 2, framebuf.GS8), 3, 2)
show('blit from a tuple', fb, 8, 6)
# MONO source onto GS8 with a palette mapping 0/1 to colours
mono = framebuf.FrameBuffer(bytearray(b'\x05\x02'), 2, 3, framebuf.MONO_VLSB)
fb.fill(0)
fb.blit(mono, 0, 0, -1, pal)
show('mono through a palette', fb, 8, 6)
