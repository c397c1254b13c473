# more str methods used every day
print('a-b-c'.split('-', maxsplit=1), 'a  b'.split(' '), ' x '.split(), ''.split(), 'abc'.split('abc'))
print('hello world'.title(), 'x'.center(4), 'abc'.count(''), 'aaaa'.count('aa'), 'abcabc'.rindex('b'))
print('  \t\n x \n'.strip(), 'xxhixx'.strip('x'), 'ab'.lstrip('ba'), 'a.b.c'.split('.', -1))
print('Ab1'.isalnum(), ''.isalpha(), 'Hi There'.istitle(), 'abc'.isidentifier(), '1a'.isidentifier())
print('%s' % 'abc'.translate({ord('a'): 'A', ord('b'): None}), 'abc'.maketrans('ab', 'xy') == {97: 120, 98: 121})
print('a\tb'.expandtabs(), 'tab\t'.expandtabs(2) + '|', 'x'.ljust(0), 'é'.center(3, '*'))
print('hello'.startswith('l', 2), 'hello'.endswith('l', 0, 3), 'hello'.find('l', 3), 'hello'.find('l', -1))
print(str.join(',', 'ab'), str.upper('x'), 'a' < 'B', 'abc'.__len__(), 'ab'.__contains__('b'))
