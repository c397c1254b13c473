# % formatting errors
for fmt, args in [('%d', 'a'), ('%s %s', ('a',)), ('%s', ('a', 'b')), ('%z', 1), ('%c', 'ab'), ('%(a)s', 1), ('%d', None)]:
    try:
        fmt % args
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__, e)
