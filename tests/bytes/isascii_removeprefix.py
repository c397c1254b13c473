# bytes isascii, removeprefix/removesuffix, istitle
print(b'abc'.isascii(), b'\x80'.isascii(), b'prefix-x'.removeprefix(b'prefix-'), b'x.txt'.removesuffix(b'.txt'), b'Ab Cd'.istitle())
