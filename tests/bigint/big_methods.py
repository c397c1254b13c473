# int methods on big values
n = 2 ** 100 + 5
print(n.bit_length(), n.real == n, n.numerator == n, n.denominator, n.conjugate() == n)
print(int.__add__(n, 1) - n, n.__index__() == n, (2 ** 65).__floor__() if hasattr(int, '__floor__') else 2 ** 65)
print(abs(-n) == n, bool(n), bool(n - n), isinstance(n, int), type(n).__name__)
print(sorted([n, -n, 0]), [n][0] == n, str(n).isdigit())
