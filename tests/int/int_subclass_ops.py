# arithmetic on int subclasses returns plain ints
class M(int):
    pass
m = M(7)
print(type(m + 1).__name__, type(-m).__name__, type(m * m).__name__, m // 2, m % 4, m ** 2, m << 1, abs(M(-3)))
