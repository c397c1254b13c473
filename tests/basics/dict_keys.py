# dict keys of many types, hash equality between int/float/bool
d = {}
d[1] = 'int'
d[1.0] = 'float'
d[True] = 'bool'
print(d)
d[(1, 2)] = 'tuple'
d['1'] = 'str'
d[None] = 'none'
d[frozenset([1])] = 'fs'
d[-5] = 'neg'
d[2 ** 70] = 'big'
print(len(d), d[(1, 2)], d['1'], d[None], d[frozenset({1})], d[-5], d[2 ** 70])
big = {i: i * i for i in range(1000)}
print(len(big), big[999], sum(big.values()))
for i in range(0, 1000, 2):
    del big[i]
print(len(big), big[501], list(big)[:5])
s = {str(i): i for i in range(100)}
print(s['42'], len(s), list(s)[-1])
