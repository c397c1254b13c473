# str.split with default whitespace, separators, maxsplit
print('  a b  c  '.split(), 'a,b,,c'.split(','), 'a,b,c'.split(',', 1), ''.split(), ''.split(','))
print('a b c'.split(None, 1), '  a  b  '.split(None, 1), 'a--b--c'.split('--'), 'abc'.split('abc'))
print('a\tb\nc\x0bd'.split(), 'é ü'.split(), 'a,b'.split(',', 0), 'a b'.split(maxsplit=0))
try:
    'a'.split('')
except ValueError as e:
    print(type(e).__name__, e)
