# % formatting on bytes
print(b'%s-%d-%x' % (b'ab', 5, 255), b'%c' % 65, b'%5s|' % b'x', b'%%' % ())
