# bool is a subclass of int with two instances
print(bool(5), bool(), True + True, True * 10, -True, ~False, True / 2, True // 1, True << 2)
print(int(True), float(False), str(True), repr(False), True == 1, True is bool(1), hash(True))
print(isinstance(True, int), bool.__bases__[0].__name__, True & 1, True | 2, type(True | False).__name__, type(True | 2).__name__)
print([True, False].count(1), {True: 'a', 1: 'b'}, sum([True] * 5))
try:
    class B(bool): pass
except TypeError as e:
    print(e)
