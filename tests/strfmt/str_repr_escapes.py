# repr escaping rules for str and bytes
for s in ['plain', "it's", 'say "x"', 'both \' "', '\n\r\t\\', '\x00\x01\x1f\x7f', '\x80\xa0\xad', 'é€😀',
          '\u200b\u2028\ufeff', '\ud800' if False else 'ok', '\x9f']:
    print(repr(s))
for b in [b'plain', b"it's", b'\x00\xff', b'\t\n\r', b'\\', b'"\'']:
    print(repr(b))
