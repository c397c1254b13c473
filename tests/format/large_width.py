# large widths and precisions
print(len(format(1, '1000')), len('%500s' % 'x'), format(1.5, '.50f'))
