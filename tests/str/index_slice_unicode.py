# indexing and slicing over multi-byte characters
s = 'aé€😀b'
print(len(s), s[0], s[1], s[2], s[3], s[4], s[-1], s[-2])
print(s[1:4], s[::-1], s[::2], s[-3:], s[:-3], s[10:], s[1:1])
try:
    s[5]
except IndexError as e:
    print(type(e).__name__, e)
