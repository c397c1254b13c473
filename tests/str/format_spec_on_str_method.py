# format() of strings with alignment/fill
print(format('abc', '*>7'), format('abc', '<2'), format('abc', '^7.2'))
