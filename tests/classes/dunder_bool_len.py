# __bool__, __len__ and their errors
class B:
    def __init__(self, v): self.v = v
    def __bool__(self): return self.v
class L:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
print(bool(B(True)), bool(B(False)), len(L(3)), bool(L(0)), bool(L(2)), not L(0))
for bad in [lambda: bool(B(1)), lambda: len(L(-1)), lambda: len(L('x')), lambda: len(object())]:
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
