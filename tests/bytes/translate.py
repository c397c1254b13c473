# bytes.translate and maketrans
t = bytes.maketrans(b'abc', b'xyz')
print(b'aabbcc'.translate(t), b'abc'.translate(None, b'b'), b'abc'.translate(t, b'a'))
