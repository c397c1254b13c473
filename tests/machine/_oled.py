# What the simulated OLED shows, read pixel by pixel through board.oled_pixel (no 13 KB text
# rendering on a 40 KB heap): the same half-block text rows board.oled_text() gives, one at a time.
import board

BLOCKS = ' \u2580\u2584\u2588'


def cell(x, r):
    return board.oled_pixel(x, 2 * r) | (board.oled_pixel(x, 2 * r + 1) << 1)


def lit():
    # character cells (two pixel rows each) with any pixel on
    n = 0
    for r in range(32):
        for x in range(128):
            if cell(x, r):
                n += 1
    return n


def row(i):
    # line i of board.oled_text(): a border, 32 framed rows, a border
    if i == 0 or i == 33:
        return '+' + '-' * 128 + '+'
    return '|' + ''.join(BLOCKS[cell(x, i - 1)] for x in range(128)) + '|'


def thumbnail():
    # one character per 8x8 pixel cell: '#' if any pixel in it is lit
    for cy in range(8):
        line = ''
        for cx in range(16):
            on = False
            for y in range(cy * 8, cy * 8 + 8):
                for x in range(cx * 8, cx * 8 + 8):
                    if board.oled_pixel(x, y):
                        on = True
                        break
                if on:
                    break
            line += '#' if on else '.'
        print(line)
