# everyday str methods
s = '  Hello, World  '
print(s.strip(), s.lstrip(), s.rstrip(), '|' + s.strip(' dH') + '|')
print(s.lower(), s.upper(), 'hello world'.title(), 'hello'.capitalize(), 'HeLLo'.swapcase())
print('a,b,,c'.split(','), 'a b  c'.split(), 'a,b,c'.split(',', 1), 'a,b,c'.rsplit(',', 1))
print('x'.join(['1', '2', '3']), ''.join([]), '-'.join('abc'))
print('hello'.find('l'), 'hello'.rfind('l'), 'hello'.find('z'), 'hello'.index('e'), 'hello'.count('l'))
print('hello'.replace('l', 'L'), 'hello'.replace('l', 'L', 1), 'aaa'.replace('a', ''))
print('hello'.startswith('he'), 'hello'.endswith('lo'), 'hello'.startswith(('x', 'h')))
print('123'.isdigit(), 'abc'.isalpha(), 'a1'.isalnum(), '  '.isspace(), 'abc'.islower(), 'ABC'.isupper())
print('ab'.center(6, '*'), 'ab'.ljust(4, '.'), 'ab'.rjust(4), '42'.zfill(5), '-42'.zfill(5))
print('a\nb\r\nc'.splitlines(), 'a\nb\n'.splitlines(True))
print('k=v'.partition('='), 'a.b.c'.rpartition('.'), 'abc'.partition('x'))
print('{}-{}'.format(1, 2), 'abc'.encode(), 'tab\tx'.expandtabs(4))
print('Hello'.casefold(), 'abcabc'.removeprefix('ab'), 'abcabc'.removesuffix('bc'))
try:
    'hello'.index('z')
except ValueError as e:
    print(e)
