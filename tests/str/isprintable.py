# str.isprintable
for s in ['', 'abc', 'a\n', '\t', ' ', '\x7f', 'é', '\u200b']:
    print(repr(s), s.isprintable())
