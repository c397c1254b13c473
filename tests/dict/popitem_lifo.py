# popitem removes the last inserted item
d = {'a': 1, 'b': 2, 'c': 3}
print(d.popitem(), d.popitem(), d)
