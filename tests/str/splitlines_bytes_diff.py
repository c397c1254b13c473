# str.splitlines knows Unicode separators that bytes.splitlines does not
s = 'a\x1cb\x85c'
print(s.splitlines(), s.encode('utf-8').splitlines())
