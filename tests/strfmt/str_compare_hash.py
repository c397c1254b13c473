# string comparison, ordering, equality between interned and built strings
a = 'hello world'
b = ''.join(['hello', ' ', 'world'])
print(a == b, a is not None, hash(a) == hash(b), {a: 1}[b], a < b + 'x', sorted(['b', 'a', 'B', 'aa', '']))
print('a' < 'b' < 'c', 'Z' < 'a', 'é' > 'z', '' < 'a', 'abc' >= 'abc', 'ab' > 'a')
n = str(12345)
print(n == '12345', {n: 'v'}['12345'], n in ['12345'], n in {'12345'}, n in {'12345': 0})
