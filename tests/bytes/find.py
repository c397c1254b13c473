# find/rfind/index/rindex/count on bytes including int needles
b = b'abcabc'
print(b.find(b'c'), b.rfind(b'c'), b.find(99), b.find(b'x'), b.index(b'b'), b.rindex(b'a'), b.count(b'a'), b.count(b''))
print(b.find(b'a', 1), b.find(b'a', 1, 3), b.count(b'bc', -3))
try:
    b.index(b'z')
except ValueError as e:
    print(type(e).__name__, e)
