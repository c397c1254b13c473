# str.zfill with signs
for s in ['42', '-42', '+42', '', 'abc', '-', '123456']:
    print(repr(s.zfill(5)))
