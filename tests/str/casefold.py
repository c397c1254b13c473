# str.casefold: lowercases, ß folds to ss
for s in ['ABC', 'Straße', '', 'ÀÉÎ', 'MiXeD 123']:
    print(repr(s.casefold()))
