# replace / strip family on bytes
print(b'aaa'.replace(b'a', b'bb'), b'aaa'.replace(b'a', b'', 2), b'  x  '.strip(), b'xxhixx'.strip(b'x'), b' a '.lstrip(), b' a '.rstrip())
