# str.replace with count, empty old, unicode
print('aaaa'.replace('a', 'b'), 'aaaa'.replace('a', 'b', 2), 'aaaa'.replace('a', 'b', -1), 'aaaa'.replace('a', 'b', 0))
print(repr('abc'.replace('', '-')), repr('abc'.replace('', '-', 2)), repr(''.replace('', 'x')))
print('héllo'.replace('é', 'e'), 'abab'.replace('ab', ''), 'x'.replace('xyz', 'q'))
