# % formatting with a mapping
print('%(a)s and %(b)05.1f, %(a)r' % {'a': 'x', 'b': 2.25})
