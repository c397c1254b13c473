# framebuf: where each format puts a pixel in the buffer, reading pixels back, strides, and the
# constructor's checks.
import framebuf

F = framebuf


def show(fb, w, h):
    for y in range(h):
        print(''.join('%x' % fb.pixel(x, y) if fb.pixel(x, y) < 16 else '*' for x in range(w)))


print(F.MONO_VLSB, F.MVLSB, F.RGB565, F.GS4_HMSB, F.MONO_HLSB, F.MONO_HMSB, F.GS2_HMSB, F.GS8)

for name, fmt, size, colour in (
    ('MONO_VLSB', F.MONO_VLSB, 9 * 2, 1),
    ('MONO_HLSB', F.MONO_HLSB, 2 * 10, 1),
    ('MONO_HMSB', F.MONO_HMSB, 2 * 10, 1),
    ('GS2_HMSB', F.GS2_HMSB, 3 * 10, 2),
    ('GS4_HMSB', F.GS4_HMSB, 5 * 10, 9),
    ('GS8', F.GS8, 9 * 10, 200),
    ('RGB565', F.RGB565, 2 * 9 * 10, 0xF81F),
):
    buf = bytearray(size)
    fb = F.FrameBuffer(buf, 9, 10, fmt)
    fb.pixel(0, 0, colour)
    fb.pixel(1, 0, 1)
    fb.pixel(8, 1, colour)
    fb.pixel(3, 9, colour)
    print(name, bytes(buf))
    print(' ', fb.pixel(0, 0), fb.pixel(1, 0), fb.pixel(8, 1), fb.pixel(3, 9), fb.pixel(2, 2))
    fb.fill(colour)
    print(' ', fb.pixel(4, 4), sum(buf) > 0)
    fb.fill(0)
    print(' ', sum(buf))

# out-of-range reads give None, writes are ignored
buf = bytearray(8)
fb = F.FrameBuffer(buf, 8, 8, F.MONO_VLSB)
print(fb.pixel(8, 0), fb.pixel(0, 8), fb.pixel(-1, 0), fb.pixel(0, -1))
fb.pixel(8, 0, 1)
fb.pixel(-1, -1, 1)
print(bytes(buf))

# colours are truncated to the format's bits
fb = F.FrameBuffer(bytearray(16), 4, 4, F.GS8)
fb.pixel(0, 0, 0x1FF)
fb.pixel(1, 0, -1)
print(fb.pixel(0, 0), fb.pixel(1, 0))

# a stride wider than the width: pixels past the width are never touched
buf = bytearray(4 * 3)
fb = F.FrameBuffer(buf, 3, 3, F.GS8, 4)
fb.fill(7)
print(bytes(buf))
# MONO_HLSB rounds the stride up to whole bytes
buf = bytearray(2 * 2)
fb = F.FrameBuffer(buf, 10, 2, F.MONO_HLSB)
fb.pixel(9, 1, 1)
print(bytes(buf))

# constructor checks
for args in (
    (bytearray(7), 8, 8, F.MONO_VLSB),
    (bytearray(8), 8, 9, F.MONO_VLSB),
    (bytearray(64), 8, 8, 99),
    (bytearray(64), 0, 8, F.GS8),
    (bytearray(64), 8, 8, F.GS8, 4),
):
    try:
        F.FrameBuffer(*args)
        print('made')
    except ValueError as e:
        print('ValueError', e)
print(F.FrameBuffer(bytearray(16), 8, 9, F.MONO_VLSB).pixel(0, 8))

# the frame buffer exposes its buffer
fb = F.FrameBuffer(bytearray(4), 2, 2, F.GS8)
fb.fill(3)
print(bytes(fb), bytearray(fb))

# a buffer that shrank after the frame buffer was made is refused, not written past
buf = bytearray(8)
fb = F.FrameBuffer(buf, 8, 8, F.MONO_VLSB)
buf[:] = b''
try:
    fb.pixel(0, 0, 1)
except ValueError as e:
    print('ValueError', e)
