# membership uses ==
print(1.0 in (1, 2), 'a' in ('ab',), (1,) in ((1,), 2), None in (None,))
