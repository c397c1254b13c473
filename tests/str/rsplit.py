# str.rsplit with maxsplit and default whitespace
print('a b c d'.rsplit(None, 2), 'a,b,c'.rsplit(',', 1), '  a b  '.rsplit(None, 1), 'a,,b'.rsplit(','))
print(''.rsplit(), 'abc'.rsplit(maxsplit=1), 'x--y--z'.rsplit('--', 1))
