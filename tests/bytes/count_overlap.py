# count does not overlap
print(b'aaaa'.count(b'aa'), 'aaaa'.count('aa'), b'ababab'.find(b'bab', 2))
