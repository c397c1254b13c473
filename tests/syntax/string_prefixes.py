# string literal prefixes and escapes
print(r'\n\t', R'\d', 'a\\b', u'unicode', U'x')
print(b'bytes', B'B', rb'\x00', Rb'r', bR'\\', BR'x')
print('\x41\101\u0041\U00000041\N{LATIN SMALL LETTER A}')
print('\a\b\f\v'.encode(), len('\0'), '\'' + "\"")
print("""tri
ple""", '''single
tri''')
print('line \
continued')
print('con' 'cat' 'enation', 'a' f'{1}' 'b')
print(b'a' b'b')
print(len('\r\n'), repr('\r'))
