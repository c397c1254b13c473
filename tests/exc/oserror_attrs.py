# OSError errno/strerror and str
e = OSError(2, 'No such file')
print(e.errno, e.strerror, str(e), OSError('x').errno)
