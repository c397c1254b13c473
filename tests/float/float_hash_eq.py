# float equality, hashing and dict keys across int/float
print(hash(1.0) == hash(1), hash(0.0) == hash(-0.0), hash(2.5) == hash(2.5), {1.0: 'a'}[1], {0: 'z'}[-0.0])
d = {}
d[2] = 'int'
d[2.0] = 'float'
print(d, 2.0 in {2}, 0.5 in {0.5: 1}, len({1, 1.0, True}))
nan = float('nan')
s = {nan}
print(nan in s, float('nan') in s, len({float('nan'), float('nan')}))
