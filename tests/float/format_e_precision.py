# e/f formatting with large precision and exponent widths
print('%.20e' % 0.1, '%.0e' % 12345.0, format(1e-300, '.3e'), format(1e300, '.2E'), format(123.0, '.0e'))
