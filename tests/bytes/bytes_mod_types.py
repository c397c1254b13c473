# bytes % with %b, %a and %r
print(b'%b|%a|%r' % (b'x', 'é', 'q'), b'%5b|' % b'ab', b'%-5b|' % bytearray(b'z'))
try:
    b'%s' % 'str'
except TypeError as e:
    print(type(e).__name__, e)
