# str.isidentifier
for s in ['', 'a', '_x1', '1a', 'a-b', 'café', 'if', 'a b', '__init__']:
    print(repr(s), s.isidentifier())
