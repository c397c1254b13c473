# split / rsplit / join on bytes
print(b'a,b,,c'.split(b','), b' a  b '.split(), b'a b c'.split(None, 1), b'a,b,c'.rsplit(b',', 1))
print(b'-'.join([b'a', b'b', bytearray(b'c')]), b''.join([]))
try:
    b','.join([b'a', 'b'])
except TypeError as e:
    print(type(e).__name__)
