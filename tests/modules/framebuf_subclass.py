# framebuf: FrameBuffer subclassed from Python the way display drivers do it (the buffer made in
# __init__, then super().__init__), overriding and extending methods, and the errors of misuse.
import framebuf


class Display(framebuf.FrameBuffer):
    def __init__(self, width, height):
        self.width = width
        self.height = height
        self.buffer = bytearray(width * ((height + 7) // 8))
        self.shown = 0
        super().__init__(self.buffer, width, height, framebuf.MONO_VLSB)

    def show(self):
        self.shown += 1
        return bytes(self.buffer)

    def fill(self, c):
        # an override that still uses the built-in one
        super().fill(c)
        self.pixel(0, 0, 0)


d = Display(8, 8)
print(type(d).__name__, isinstance(d, framebuf.FrameBuffer), d.width, d.height)
d.fill(1)
d.hline(0, 7, 8, 0)
print(d.show(), d.shown)
d.text('A', 0, 0, 0)
print(d.pixel(0, 0), d.pixel(3, 0), d.show().hex(), d.shown)


class WithDefaults(framebuf.FrameBuffer):
    pass


w = WithDefaults(bytearray(4), 2, 2, framebuf.GS8)
w.fill(5)
print(w.pixel(1, 1), bytes(w))


class Grey(framebuf.FrameBuffer):
    def __init__(self, buf):
        super().__init__(buf, 4, 2, framebuf.GS4_HMSB)
        self.name = 'grey'


g = Grey(bytearray(4))
g.pixel(1, 1, 15)
g.pixel(2, 1, 3)
print(g.name, bytes(g), [g.pixel(x, 1) for x in range(4)])

# a constructor whose arguments look a little like a FrameBuffer's but are not


class Canvas(framebuf.FrameBuffer):
    def __init__(self, buf, w, h, palette):
        self.palette = palette
        super().__init__(buf, w, h, framebuf.GS8)


c = Canvas(bytearray(4), 2, 2, 'warm')
c.fill(3)
print(bytes(c), c.palette)

# blitting one subclass instance onto another
d.fill(0)
sprite = Display(3, 3)
sprite.fill(1)
d.blit(sprite, 4, 4)
print(d.show().hex())

# the built-in methods check what they are given; a subclass must call FrameBuffer.__init__
class Unset(framebuf.FrameBuffer):
    def __init__(self):
        pass


for f in (lambda: framebuf.FrameBuffer.fill(5, 1),
          lambda: framebuf.FrameBuffer(12, 8, 8, framebuf.GS8).fill(0),
          lambda: Unset().fill(0),
          lambda: d.blit(5, 0, 0),
          lambda: framebuf.FrameBuffer(bytearray(8), 8, 8, framebuf.MONO_VLSB).pixel(0)):
    try:
        f()
    except TypeError as e:
        print('TypeError')
    else:
        print('no error')
