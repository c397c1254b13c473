# str.format errors
for f, a, k in [('{', (), {}), ('}', (), {}), ('{0} {}', (1, 2), {}), ('{} {0}', (1, 2), {}), ('{2}', (1,), {}), ('{x}', (), {}), ('{!z}', (1,), {}), ('{0[}', ([1],), {})]:
    try:
        f.format(*a, **k)
    except (ValueError, IndexError, KeyError) as e:
        print(type(e).__name__, e)
