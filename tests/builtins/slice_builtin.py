# slice() builtin used directly
s = slice(2)
print(s, [0, 1, 2, 3][s], 'abcdef'[slice(1, 5, 2)], (0, 1, 2)[slice(None, None, -1)])
print(slice(1, 2) == slice(1, 2), slice(1, 2, 3).indices(10), slice(-3, None).indices(5))
