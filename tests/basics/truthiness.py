# truth values of many objects
vals = [0, 1, -1, 0.0, 0.5, '', 'a', b'', b'x', [], [0], (), (0,), {}, {0: 0}, set(), {0}, None,
        range(0), range(1), frozenset(), bytearray(), 2 ** 100, 0]
print([bool(v) for v in vals])
class T:
    def __bool__(self):
        return False
class L:
    def __len__(self):
        return 0
class E:
    pass
print(bool(T()), bool(L()), bool(E()))
if not T() and not L():
    print('falsy')
print('yes' if [] else 'no', 'yes' if [[]] else 'no')
while []:
    print('never')
