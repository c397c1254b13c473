# find with int needles out of range
try:
    b'abc'.find(256)
except ValueError as e:
    print(type(e).__name__, e)
print(b'abc'.find(98), b'abc'.count(99), b'abc'.index(97))
