# 1 == 1.0 == True hash the same; dict keys merge
print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(0.0) == hash(False), hash(2**70) == hash(float(2**70)))
d = {1: 'a'}
d[1.0] = 'b'
d[True] = 'c'
print(d, len({0, 0.0, False}), {-1: 1}[-1.0])
