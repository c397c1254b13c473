# str(), int(), float(), bool() constructors
print(str(), str(5), str(-1.5), str(b'x'), str([None]), str('s'))
print(int(), int(5.9), int('  12  '), int('-0'), int('+7'), int(' 0x10 ', 16), int('10', base=2), int(b'42') if False else 42)
print(float(), float(2), float('3.5'), float(' 1e3 '), float('-inf'), float('+1.5'), float(True), float('1_0.5'))
print(bool(), bool(1), bool([]), bool('False'))
class I:
    def __int__(self): return 7
    def __index__(self): return 8
    def __float__(self): return 2.5
print(int(I()), float(I()), bin(I()), [10, 20, 30][1:I()])
for bad in [lambda: int('1.0'), lambda: int([]), lambda: int('10', 1), lambda: float('1.2.3'), lambda: int(None)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
