# repr chooses quotes like CPython
for s in ["abc", "it's", 'say "hi"', 'both \' and "', '', '\\']:
    print(repr(s))
