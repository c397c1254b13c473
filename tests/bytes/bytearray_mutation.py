# bytearray item/slice assignment, append, extend, insert, pop, remove
a = bytearray(b'hello')
a[0] = 72
a[1:3] = b'EL'
print(a)
a.append(33); a.extend(b'??'); a.insert(0, 62)
print(a, a.pop(), a.pop(0), a)
a.remove(ord('E'))
del a[0]
print(a, len(a))
a[1:3] = b''
print(a)
a[0:0] = b'xyz'
print(a)
try:
    a[0] = 300
except ValueError as e:
    print(type(e).__name__, e)
