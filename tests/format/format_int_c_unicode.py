# c presentation type with non-ASCII code points
print(format(233, 'c'), format(0x1F600, 'c'), '%c%c' % (0x20AC, 'x'), f'{97:c}')
try:
    format(-1, 'c')
except (ValueError, OverflowError) as e:
    print(type(e).__name__, e)
