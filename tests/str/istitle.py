# str.istitle and str.title
for s in ['', 'Hello World', 'hello World', 'HELLO', "They're Here", 'A1b', 'Abc Def1ghi']:
    print(repr(s), s.istitle(), repr(s.title()))
