# bytearray extended with copies and slices of itself
a = bytearray(b'ab')
a += bytes(a)
a.extend(a[:1])
a[1:2] = a
print(a)
