# building strings: +=, join, multiplication, slicing with steps
s = ''
for i in range(100):
    s += chr(ord('a') + i % 26)
print(s, len(s))
parts = [str(i) for i in range(50)]
joined = ','.join(parts)
print(joined[:30], len(joined), joined.count(','))
print('ab' * 0, 'ab' * -1, 'ab' * 3, 3 * 'x', ('=' * 20))
print(s[::5], s[-3::-7], s[10:2:-2], s[::-1][:5])
print(''.join(sorted(set('mississippi'))), ''.join(reversed(s[:5])))
u = 'αβγδε'
print(u[1:4], u[::2], u[::-1], u * 2, u + '!', u.upper(), len(u * 100))
