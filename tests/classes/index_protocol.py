# __index__ and int subclasses wherever CPython accepts an integer
class I(int):
    pass
class Ix:
    def __index__(self):
        return 1
class R:
    def __index__(self):
        return 2
    def __rmul__(self, other):
        return 'rmul'
print([0] * I(3), I(2) * [1], (1,) * I(2), 'ab' * I(2), b'x' * I(3), bytearray(b'y') * I(2))
print([1, 2, 3][I(1)], (4, 5)[I(-1)], 'xyz'[I(2)], b'xyz'[I(0)], range(10)[I(3)], range(I(4)))
print([0, 1][Ix()], (5, 6)[Ix()], 'xy'[Ix()], b'xy'[Ix()], bytearray(b'ab')[Ix()], range(5)[Ix()])
print([1, 2, 3][Ix():], 'hello'[Ix():R()], [1, 2, 3, 4][::R()])
l = [1, 2, 3]
l[Ix()] = 9
print(l)
del l[Ix()]
print(l)
l[I(0)] = 7
print(l)
print([1] * Ix(), Ix() * (2,), 'ab' * Ix(), [1] * R(), 'a' * R())
x = [3]
x *= R()
print(x)
print(hex(I(255)), bin(I(5)), oct(I(8)), hex(Ix()), bin(R()), oct(True))
for f in (hex, bin, oct):
    for bad in ('a', 1.5, None, [1]):
        try:
            f(bad)
        except TypeError as e:
            print(f.__name__, e)
seqs = {'l': [1], 's': 'a', 't': (1,), 'b': b'a', 'r': range(3)}
for expr in ("Ix() * 3", "{} * Ix()", "Ix() * 2.0", "l[1.0]", "s['x']", "t[None]", "b[1.5]",
             "l * 1.5", "s * 'b'", "r['a']"):
    try:
        eval(expr, globals(), seqs)
    except TypeError as e:
        print(expr, '->', e)
print(chr(I(65)), [10, 20, 30].pop(I(1)), 'abc'.center(I(7), '*'), list(range(I(2), I(5))))
print(int(I(7)), float(I(2)), I(7) + 1, -I(3), abs(I(-4)), I(6) // 4, divmod(I(7), 2))
