# a single tuple argument needs wrapping
print('%s' % ((1, 2),), '%s' % [1, 2], '%s %s' % (1, (2,)))
