# slice objects: attributes, indices, repr, use in subscripts
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None, None, -1))
print(s.indices(5), slice(None, None, -1).indices(4), slice(-3, None).indices(10))
print('abcdefghij'[s], [0, 1, 2, 3][slice(None, None, -1)])
