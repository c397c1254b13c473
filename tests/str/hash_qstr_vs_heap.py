# interned and built strings compare and hash equal
a = 'append'
b = ''.join(['app', 'end'])
print(a == b, hash(a) == hash(b), a is not None, {a: 1}.get(b), b in {'append'})
