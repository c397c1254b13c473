# repr of nested and self-referencing lists
l = [1, 'a', [2, [3]], (4,), {'k': [5]}]
print(l, repr(l))
r = [1]; r.append(r); print(r)
