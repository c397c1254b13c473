# subclasses of builtins keep the builtin behaviour for operators and methods
class L(list): pass
class D(dict): pass
class S(str): pass
class I(int): pass
l = L([3, 1, 2])
l.sort()
print(l, l[0], len(l), l * 2, 2 in l, l == [1, 2, 3], type(l).__name__)
d = D(a=1)
d['b'] = 2
print(d, d.keys(), 'a' in d, len(d), d == {'a': 1, 'b': 2})
s = S('abc')
print(s.upper(), s + 'd', s * 2, s[1], 'b' in s, s.split('b'), str(s), repr(s))
i = I(5)
print(i + 1, i * i, -i, i == 5, i < 6, hash(i) == hash(5), str(i), f'{i:03d}', [0] * i)
