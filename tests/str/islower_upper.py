# str.islower / isupper need at least one cased character
for s in ['', 'abc', 'ABC', 'aBc', '123', 'a1', 'A1', 'é', 'É', '1 2']:
    print(repr(s), s.islower(), s.isupper())
