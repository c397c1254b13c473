# str.index / rindex raise ValueError when not found
print('abcabc'.index('c'), 'abcabc'.rindex('c'), 'abc'.index('', 1))
for f in ('index', 'rindex'):
    try:
        getattr('abc', f)('z')
    except ValueError as e:
        print(type(e).__name__, e)
