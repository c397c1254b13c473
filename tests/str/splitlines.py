# str.splitlines with all line boundaries and keepends
s = 'a\nb\r\nc\rd\x0be\x0cf\x1cg\u2028h\n'
print(s.splitlines())
print(s.splitlines(True))
print(''.splitlines(), '\n'.splitlines(), 'x'.splitlines(keepends=True))
