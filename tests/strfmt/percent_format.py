# printf-style % formatting
print('%s %r %d %i %x %X %o %c %c %%' % ('s', 's', 42, -7, 255, 255, 8, 65, 'z'))
print('%5d|%-5d|%05d|%+d|% d|%.3d' % (42, 42, 42, 42, 42, 7))
print('%10s|%-10s|%.2s|%5.1s|' % ('right', 'left', 'trunc', 'xy'))
print('%#x %#o %#X' % (255, 8, 255), '%x' % -255, '%d' % 3.99, '%s' % [1, 'a'], '%s' % (None,))
print('%(name)s is %(age)d' % {'name': 'Ann', 'age': 30}, '%s' % 'single', '%s-%s' % (1, 2))
print('%*d|%-*d|%.*f' % (5, 1, 5, 2, 2, 3.14159))
print('%r' % 'quote\'s', '%a' % 'é', '%s' % b'bytes', b'%d-%s' % (5, b'x'))
for bad in [lambda: '%d' % 'x', lambda: '%s %s' % (1,), lambda: '%s' % (1, 2), lambda: '%q' % 1, lambda: '%(k)s' % {}, lambda: '%c' % 'ab']:
    try:
        bad()
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__, e)
