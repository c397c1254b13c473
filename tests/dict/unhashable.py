# unhashable keys
for k in ([1], {}, {1}):
    try:
        {k: 1}
    except TypeError as e:
        print(type(e).__name__, e)
