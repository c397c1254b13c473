# set operators with a set on the left and a view on the right
d = {'a': 1, 'b': 2}
print(sorted({'a', 'c'} & d.keys()), sorted({'c'} | d.keys()), sorted({'a', 'c'} - d.keys()), sorted({'a'} ^ d.keys()))
