# str.removeprefix / removesuffix
print(repr('prefix_body'.removeprefix('prefix_')), repr('abc'.removeprefix('x')), repr('abc'.removeprefix('')))
print(repr('file.txt'.removesuffix('.txt')), repr('abc'.removesuffix('abc')), repr('abc'.removesuffix('')))
