# bool behaves as int in arithmetic
print(True + True, True * 10, -True, ~True, True / 2, True // 2, True & False, True | 2, True ^ True, type(True & True).__name__)
