# array.array: typecodes, construction, indexing, slicing, buffer protocol, operators, errors
from array import array

for tc, vals in [('b', [-128, 0, 127]), ('B', [0, 255]), ('h', [-32768, 32767]), ('H', [65535]),
                 ('i', [-2 ** 31, 2 ** 31 - 1]), ('I', [2 ** 32 - 1]), ('l', [-5, 2 ** 31 - 1]),
                 ('L', [2 ** 32 - 1]), ('q', [-2 ** 63, 2 ** 63 - 1]), ('Q', [2 ** 64 - 1, 0]),
                 ('f', [1.5, -0.25]), ('d', [3.141592653589793, 1e300])]:
    a = array(tc, vals)
    # l and L follow the C long: 4 or 8 bytes depending on the platform
    print(a, len(a), a.itemsize if tc not in 'lL' else '-', a.typecode, a.tolist() == vals, list(a) == vals,
          len(bytes(a)) == len(a) * a.itemsize, array(tc, a.tobytes()) == a)

print(array('i'), array('d'), array('b', b'\x01\xff'), array('h', range(5)), array('d', [1, 2]))
print(array('i', array('b', [1, -2])), array('B', bytearray(b'ab')), array('f', (x / 2 for x in range(3))))
a = array('i', [1, 2, 3])
a.append(4)
a.extend([5, 6])
a.extend(array('i', [7]))
print(a, a[0], a[-1], a[2:5], a[::2], a[::-1], a[5:1:-2], a[10:])
a[0] = 100
a[-1] = -7
print(a)
a[1:3] = array('i', [20, 30, 40])
print(a)
a[:2] = array('i')
print(a)
a[::2] = array('i', [0] * len(a[::2]))
print(a)
a[len(a):] = array('i', [8, 9])
print(a)
a[2:4] = a
print(a)
del a[0]
del a[-1]
print(a)
del a[1:3]
print(a)
del a[::2]
print(a, a.pop(), a.pop(0), a)

b = array('h', [1, 2])
c = b + array('h', [3])
b += array('h', [9])
print(b, c, b * 2, 3 * array('B', [7]), array('b', [1]) * 0)
print(array('i', [1, 2]) == array('i', [1, 2]), array('i', [1, 2]) == array('h', [1, 2]),
      array('i', [1]) != array('i', [2]), array('i', [1]) == [1], array('d', [1.0]) == array('i', [1]))
print(2 in array('i', [1, 2]), 5 in array('i', [1, 2]), bool(array('i')), bool(array('i', [0])))
print([x * 2 for x in array('B', b'\x01\x02\x03')], sum(array('d', [0.5, 0.25])))

# buffer protocol
a = array('H', [0x0102, 0x0304])
print(bytes(a), bytearray(a), memoryview(a).nbytes if hasattr(memoryview(a), 'nbytes') else 4, len(memoryview(a).tobytes()))
m = array('B')
m.frombytes(b'xyz')
m.frombytes(bytearray(b'!'))
print(m, m.tobytes(), array('i', b'\x01\x00\x00\x00\x02\x00\x00\x00'))
import struct
buf = array('B', [0] * 8)
struct.pack_into('<HI', buf, 1, 0xabcd, 0x01020304)
print(buf, struct.unpack_from('<HI', buf, 1))

for bad in [lambda: array('z'), lambda: array('ii'), lambda: array(5), lambda: array('b', [128]),
            lambda: array('B', [-1]), lambda: array('h', [1 << 15]), lambda: array('I', [-1]),
            lambda: array('Q', [2 ** 64]), lambda: array('q', [2 ** 63]), lambda: array('i', [1.5]),
            lambda: array('d', ['x']), lambda: array('i', 'str'), lambda: array('i', [1])[3],
            lambda: array('i', [1]).__setitem__(2, 0), lambda: array('i')['x'],
            lambda: array('i').pop(), lambda: array('i', [1]) + [2], lambda: array('i') + array('h'),
            lambda: array('i').extend(array('h')), lambda: array('h', b'abc'),
            lambda: array('i', [1, 2]).__setitem__(slice(0, 1), [5]),
            lambda: array('i', [1, 2, 3]).__setitem__(slice(0, 3, 2), array('i', [1]))]:
    try:
        bad()
        print('no error')
    except Exception as e:
        print(type(e).__name__)
x = array('b', [1, 2])
try:
    x.append(1000)
except OverflowError:
    print('OverflowError', x)

class A(array):
    def total(self):
        return sum(self)
a = A('i', [1, 2])
a.append(3)
print(a, len(a), a.total(), a[1:], bytes(a)[:4])
a = array('i', range(10))
a[2:8:2] = array('i', [0, 0, 0])
del a[::3]
print(a)
del a[8:2:-2]
print(a)
del a[::-1]
print(a)
