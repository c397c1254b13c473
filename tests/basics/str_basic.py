# str operations
s = 'hello'
print(s, len(s), s[0], s[-1], s[1:3], s[::-1], s[::2], s * 2, s + '!')
print('ell' in s, 'xyz' not in s, s == 'hello', s < 'help', s > 'hell')
print('a' 'b' "c", 'it''s', "say \"hi\"", 'tab\there', 'nl\\n')
print(repr('a\nb\t\'"\\'), repr("it's"), repr('x\x00y\x7f'))
print(str(123), str(1.5), str([1, 'a']), str(None))
for c in 'abc':
    print(c, end=' ')
print()
print(''.join(reversed('abc')), 'abc'[5:], 'abc'[-10:2])
