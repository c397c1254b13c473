# str.isascii
for s in ['', 'abc', '\x7f', '\x80', 'é', 'a\x00']:
    print(repr(s), s.isascii())
