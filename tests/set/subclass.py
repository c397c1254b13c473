# subclass of set
class S(set):
    pass
s = S([1, 2])
print(type(s).__name__, sorted(s), isinstance(s, set), s == {1, 2})
