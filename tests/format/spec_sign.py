# sign options
for v in (5, -5, 0, 2.5, -2.5, -0.0):
    print(format(v, '+'), format(v, '-'), format(v, ' '), format(v, '+.1f') if isinstance(v, float) else format(v, ' d'))
