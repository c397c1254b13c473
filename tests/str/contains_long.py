# substring search in a long text
t = 'ab' * 50000 + 'abc'
print('abc' in t, t.find('abc'), t.count('ab'), t.rfind('ba'), 'bb' in t)
