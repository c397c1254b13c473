# strip/lstrip/rstrip with default whitespace and char sets
s = '  \t hi there \n '
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print(repr('xxhixx'.strip('x')), repr('abcba'.strip('ab')), repr('abc'.lstrip('')), repr('ééaé'.rstrip('é')))
print(repr(''.strip()), repr('   '.strip()), repr('ab'.strip(None)))
