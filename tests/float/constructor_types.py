# float() from ints, bools, strings, objects with __float__
class F:
    def __float__(self):
        return 2.5
class I:
    def __index__(self):
        return 3
print(float(), float(True), float(7), float('3'), float(F()), float(I()), float(-0))
