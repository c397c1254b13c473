# % formatting: every conversion type
print('%d %i %u %o %x %X %e %E %f %F %g %G %c %r %s %a %%' % (42, -3, 7, 8, 255, 255, 1234.5, 0.00012, 1.5, 2.25, 1e-5, 1e20, 'z', 'q', 'str', 'é'))
print('%c' % 65, '%c' % 'é', '%s' % None, '%r' % 'a\n', '%a' % '€', '%5.2s|' % 'abcdef')
