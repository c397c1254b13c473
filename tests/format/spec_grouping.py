# , and _ grouping on ints and floats
print(format(1234567, ','), format(1234567, '_'), format(-1234567.891, ',.2f'), format(0xFFFFFFFF, '_x'), format(255, '_b'), format(123, ','), format(1234567, '015,'))
try:
    format(1, ',x')
except ValueError as e:
    print(type(e).__name__, e)
try:
    format(1, ',_')
except ValueError as e:
    print(type(e).__name__, e)
