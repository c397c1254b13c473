# int presentation types
for t in 'bcdoxXn':
    print(t, format(65, t), format(0, t) if t != 'c' else '')
print(format(65, 'e'), format(65, 'f'), format(65, '%'), format(65, 'g'), format(65, 'G'), format(65, 'E'), format(65, 'F'))
try:
    format(65, 's')
except ValueError as e:
    print(type(e).__name__, e)
