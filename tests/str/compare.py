# str comparisons: lexicographic by code point
print('a' < 'b', 'abc' < 'abd', 'ab' < 'abc', '' < 'a', 'Z' < 'a', 'é' > 'z', '😀' > 'é')
print('abc' == 'abc', 'abc' != 'abd', 'a' >= 'a', sorted(['b', 'é', 'a', 'B', '']))
try:
    'a' < 1
except TypeError as e:
    print(type(e).__name__, e)
