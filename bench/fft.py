# fft.py: iterative radix-2 fast Fourier transform on float lists (re and im kept apart), with
# sine and cosine computed in Python (no math module), forward then inverse, checking the round trip.
# usage: fft.py [scale]
import sys

PI = 3.141592653589793


def sin_cos(x):
    # reduce to [-pi, pi], then Taylor series: accurate to ~1e-15 there
    while x > PI:
        x -= 2 * PI
    while x < -PI:
        x += 2 * PI
    x2 = x * x
    s = term = x
    c = cterm = 1.0
    for k in range(1, 14):
        term *= -x2 / ((2 * k) * (2 * k + 1))
        cterm *= -x2 / ((2 * k - 1) * (2 * k))
        s += term
        c += cterm
    return s, c


def fft(re, im, inverse):
    n = len(re)
    j = 0
    for i in range(1, n):
        bit = n >> 1
        while j & bit:
            j ^= bit
            bit >>= 1
        j |= bit
        if i < j:
            re[i], re[j] = re[j], re[i]
            im[i], im[j] = im[j], im[i]
    size = 2
    while size <= n:
        half = size // 2
        s, c = sin_cos((2 * PI / size) * (1 if inverse else -1))
        for start in range(0, n, size):
            wr, wi = 1.0, 0.0
            for k in range(start, start + half):
                m = k + half
                tr = wr * re[m] - wi * im[m]
                ti = wr * im[m] + wi * re[m]
                re[m] = re[k] - tr
                im[m] = im[k] - ti
                re[k] += tr
                im[k] += ti
                wr, wi = wr * c - wi * s, wr * s + wi * c
        size *= 2
    if inverse:
        for i in range(n):
            re[i] /= n
            im[i] /= n


def main(scale):
    n = 1024
    reps = max(1, int(24 * scale))
    peak_sum = 0.0
    err = 0.0
    for r in range(reps):
        re = []
        for i in range(n):
            s1, _ = sin_cos(2 * PI * 5 * i / n)
            _, c2 = sin_cos(2 * PI * (17 + r) * i / n)
            re.append(s1 + 0.5 * c2 + (i % 7) * 0.01)
        im = [0.0] * n
        orig = re[:]
        fft(re, im, False)
        mags = [re[i] * re[i] + im[i] * im[i] for i in range(n // 2)]
        peak = max(range(n // 2), key=lambda i: mags[i])
        peak_sum += peak + mags[peak]
        fft(re, im, True)
        err = max(err, max(abs(a - b) for a, b in zip(re, orig)))
    print("fft", n, reps, "%.3f" % peak_sum, err < 1e-9)


main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
