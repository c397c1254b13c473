# memoryview over bytes/bytearray: slicing shares memory, tobytes, itemsize
ba = bytearray(b'abcdef')
m = memoryview(ba)
print(len(m), m[0], m.itemsize, m.tobytes(), bytes(m[1:3]))
s = m[2:5]
ba[3] = ord('X')
print(s.tobytes(), s[1])
s[0] = ord('Z')
print(ba)
print(memoryview(b'xyz')[::-1].tobytes() if False else memoryview(b'xyz').tobytes())
try:
    memoryview(b'abc')[0] = 1
except TypeError as e:
    print(type(e).__name__)
