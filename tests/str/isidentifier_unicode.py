# identifiers with non-ASCII letters
for s in ['日本', 'α1', '1α', 'x·y', 'ñ']:
    print(s, s.isidentifier())
