# str.isalnum/isalpha/isdigit/isdecimal/isnumeric over ascii, unicode, empty
for s in ['', 'abc', 'abc1', 'a b', '123', 'é', '١٢٣', '½', '²', 'ǅ', '_']:
    print(repr(s), s.isalnum(), s.isalpha(), s.isdigit(), s.isdecimal(), s.isnumeric())
