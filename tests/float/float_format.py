# float formatting with format specs and %
x = 1234.5678
print(format(x, 'f'), format(x, '.1f'), format(x, '.0f'), format(x, 'e'), format(x, '.3e'), format(x, 'E'))
print(format(x, 'g'), format(x, '.3g'), format(x, '.10g'), format(1e-7, 'g'), format(1e20, 'g'), format(123456789.0, 'g'))
print(format(x, '12.2f'), format(x, '<12.2f'), format(x, '^12.2f'), format(x, '012.2f'), format(-x, '+.2f'), format(x, ' .2f'))
print(format(x, ',.2f'), format(x, '_.1f'), format(0.25, '%'), format(0.25, '.1%'), format(x, ''), format(x, '.2'))
print('%f %.2f %e %.3E %g %G %10.3f %-10.3f| %+f %05.1f' % (x, x, x, x, x, 1e-10, x, x, x, 2.5))
print('%.0f %.0f %.0f %.0f' % (0.5, 1.5, 2.5, -0.5), format(2.675, '.2f'), round(2.675, 2))
print(format(float('inf'), 'f'), format(float('-inf'), '.2e'), format(float('nan'), 'g'), '%f' % float('inf'))
print(format(1e300, '.3f')[:20], format(5e-324, 'e'), format(0.0, 'e'), format(-0.0, 'f'))
print(str(1e16), str(1.5e-7), str(123.0), '{}'.format(0.1), f'{1/3}', f'{2.5:.0f}')
