# repr keeps printable non-ASCII and escapes non-printable
for c in ['\u00a0', '\u00ad', '\u0300', '\u2029', '\ufeff', '\U0001f600', '\u4e00', '\x9f']:
    print(repr(c), repr('a' + c))
