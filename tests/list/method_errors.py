# list method errors
l = [1, 2]
for f in (lambda: l.remove(9), lambda: l.index(9), lambda: [].pop(), lambda: l.pop(5)):
    try:
        f()
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)
