# bytearray clear, copy, reverse, +=, *=
a = bytearray(b'abc')
b = a.copy()
a.reverse()
print(a, b)
a += b'de'
print(a)
a *= 2
print(a)
a.clear()
print(a, len(a))
