# memoryview len, slicing chains, ==, release via context manager
m = memoryview(b'abcdef')
s = m[1:5][1:3]
print(len(s), s.tobytes(), s == b'cd', list(m[:3]), m[-1], bytes(m[::2]) if False else m.tolist()[:2])
with memoryview(bytearray(b'xy')) as mv:
    print(mv.readonly, mv.nbytes)
