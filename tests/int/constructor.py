# int() with various argument types and errors
print(int(), int(True), int('  7'), int(b'12') if False else 0, int(3.99), int(-0.5))
class C:
    def __int__(self):
        return 5
class I:
    def __index__(self):
        return 6
print(int(C()), int(I()))
for bad in ['1.5', 'abc', None, [1]]:
    try:
        int(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
