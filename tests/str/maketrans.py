# str.maketrans forms and str.translate
t = str.maketrans('abc', 'xyz')
print(sorted(t.items()))
print('aabbcc'.translate(t))
t2 = str.maketrans('ab', 'AB', 'c')
print('abcabc'.translate(t2))
t3 = str.maketrans({'a': 'AA', 'b': None, 'c': 100})
print('abcd'.translate(t3))
print('hello'.translate({ord('l'): 'L'}))
try:
    str.maketrans('ab', 'x')
except ValueError as e:
    print(type(e).__name__, e)
