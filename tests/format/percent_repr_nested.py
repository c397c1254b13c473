# %r and %s on containers and nested strings
print('%r %s' % (['a', "b'c"], {'k': 'v'}), '%s' % b'x', '%r' % 1.0)
