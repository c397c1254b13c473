# id and hash: only comparable facts
a = []
b = a
print(id(a) == id(b), id(a) == id([]) or True, type(id(a)).__name__, id(1) == id(1))
print(hash(1) == 1, hash(-1) == hash(-1), hash(1.0) == hash(1), hash(True) == hash(1), hash(0) == 0)
print(hash('abc') == hash('ab' + 'c'), hash((1, 'a')) == hash((1, 'a')), hash(None) == hash(None))
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])), hash(2 ** 100) == hash(2 ** 100))
print(hash(b'xy') == hash(b'xy'), type(hash('s')).__name__, hash(12345) == 12345)
for bad in [[], {}, set(), bytearray()]:
    try:
        hash(bad)
    except TypeError as e:
        print(e)
