# repr escapes control chars, keeps printable unicode
for s in ['\n\t\r', '\x00\x1f\x7f', '\x80\xa0\xad', 'é€😀', '\u200b\u2028', '\ud800' if False else 'x', '\U000e0001']:
    print(repr(s))
