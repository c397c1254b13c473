# mandelbrot.py: escape-time Mandelbrot set (float arithmetic in nested loops).
# usage: mandelbrot.py [scale]
import sys


def mandelbrot(w, h, max_iter):
    total = 0
    inside = 0
    for py in range(h):
        ci = py * 2.4 / h - 1.2
        for px in range(w):
            cr = px * 3.2 / w - 2.2
            zr = zi = 0.0
            i = 0
            while i < max_iter and zr * zr + zi * zi < 4.0:
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                i += 1
            total += i
            if i == max_iter:
                inside += 1
    return total, inside


def main(scale):
    w = max(8, int(128 * scale ** 0.5))
    h = max(6, int(96 * scale ** 0.5))
    print("mandelbrot", w, h, *mandelbrot(w, h, 100))


main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
