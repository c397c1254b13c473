# encode/decode error handlers: strict, ignore, replace, backslashreplace, xmlcharrefreplace
for h in ('ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace'):
    print(h, 'aé€😀'.encode('ascii', h), 'aé€'.encode('latin-1', h))
for h in ('ignore', 'replace', 'backslashreplace'):
    print(h, repr(b'a\xff\xc3b\xe2\x82'.decode('utf-8', h)), repr(b'a\x80'.decode('ascii', h)))
