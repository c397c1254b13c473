# framebuf.FrameBuffer checks its arguments when it is made, called directly or through a Python
# subclass (with or without its own __init__), not at the first drawing call.
import framebuf
for args in [(), (bytearray(8),), (bytearray(8), 8, 8), (bytearray(2), 8, 8, framebuf.MONO_VLSB), (b'x' * 8, 8, 8, framebuf.MONO_VLSB), (bytearray(8), 0, 8, framebuf.MONO_VLSB), (bytearray(8), 8, 8, 99)]:
    try:
        framebuf.FrameBuffer(*args)
        print('made', len(args))
    except Exception as e:
        print(type(e).__name__, e)
class S(framebuf.FrameBuffer):
    def __init__(self, w, h):
        self.buf = bytearray(w * h // 8)
        super().__init__(self.buf, w, h, framebuf.MONO_VLSB)
s = S(8, 8); s.pixel(1, 1, 1); print(s.buf[1])
class T(framebuf.FrameBuffer):
    pass
t = T(bytearray(8), 8, 8, framebuf.MONO_VLSB); t.fill(1); print(t.pixel(0, 0))
try:
    T(bytearray(8), 8)
except Exception as e:
    print(type(e).__name__, e)
class U(framebuf.FrameBuffer):
    def __init__(self, w, h):
        super().__init__(bytearray(1), w, h, framebuf.MONO_VLSB)
try:
    U(8, 8)
except Exception as e:
    print(type(e).__name__, e)
