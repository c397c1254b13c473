# str.isspace over ascii and unicode whitespace
for s in ['', ' ', ' \t\n\r\x0b\x0c', 'a ', '\xa0', '\u2003', '\x1c']:
    print(repr(s), s.isspace())
