# hex, oct, bin
print(hex(255), hex(0), hex(-255), hex(2 ** 70), oct(8), oct(-8), oct(0), bin(5), bin(-5), bin(0))
print(hex(True), bin(2 ** 65 + 1))
class Idx:
    def __index__(self): return 10
print(hex(Idx()), oct(Idx()), bin(Idx()))
for bad in [lambda: hex(1.5), lambda: bin('1'), lambda: oct(None)]:
    try:
        bad()
    except TypeError as e:
        print(e)
