# repr of user exception subclasses
class E(ValueError):
    pass
print(repr(E()), repr(E('m')), repr(E(1, 2)), str(E(1, 2)))
