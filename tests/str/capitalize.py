# str.capitalize: first char upper, rest lower, unicode and empty
for s in ['', 'a', 'hello World', 'HELLO', '1abc', 'éCOLE', ' x', 'ßa']:
    print(repr(s.capitalize()))
