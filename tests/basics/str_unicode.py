# unicode strings stored as UTF-8: indexing counts code points
s = 'héllo wörld €'
print(s, len(s), s[1], s[-1], s[7:9], s[::-1])
print(ord('é'), chr(233), chr(0x20ac), ord('€'), '\u00e9' == 'é', '\N{EURO SIGN}')
print(s.upper(), s.find('w'), s.encode('utf-8'), len(s.encode()))
print(b'\xc3\xa9'.decode(), '日本語'[1], len('日本語'), '😀', len('😀'), ord('😀'))
print(repr('é\u200b'), ascii('é'), 'é'.isalpha())
print(sorted('cbaé'), 'ü' > 'u')
for c in 'añ€':
    print(c, ord(c), len(c.encode()))
