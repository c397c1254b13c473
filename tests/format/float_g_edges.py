# g format switching points
for v in (1e-4, 1e-5, 123456.0, 1234567.0, 0.0, 1e16, 9.999999e5, 0.1):
    print(format(v, 'g'), format(v, '.3g'), format(v, '#g'))
