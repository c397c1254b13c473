# int() and float() accept every Unicode decimal digit set and Unicode whitespace
for s in ('٣٤', '۱۲۳', '߁߂', '१२', '১২', '๑๒', '１２', '𝟏𝟐', '\u2003 42\u3000'):
    print(int(s), float(s))
print(float('١.٥e٢'), int('٣', 16))
try:
    int('٣x')
except ValueError as e:
    print(type(e).__name__, e)
