# repr/str of ints and int subclasses
class N(int):
    pass
n = N(42)
print(n, repr(n), n + 1, type(n + 1).__name__, int(n), -N(3))
