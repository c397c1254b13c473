# default split treats Unicode whitespace as separators
print('a\u3000b\xa0c\u2028d'.split(), 'a\u3000b'.split(None, 0), '\u2003x\u2003'.strip())
