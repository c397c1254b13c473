# field names with brackets may contain braces; unterminated fields report CPython's errors
d = {'a}b': 1, 'a': 2}
print('{0[a}b]}'.format(d), '{0[a]:>{1}}'.format(d, 4))
for t in ('{0[}', '{0[a}', '{0[a', '{0[]}', '{0.}', '{0[a]b}'):
    try:
        print(t.format(d))
    except ValueError as e:
        print(type(e).__name__, e)
