# % formatting of big ints and negative hex
print('%d %x %o %X' % (2**80, -255, -8, 2**70), '%.3f' % (2**60), '%e' % 10**30)
