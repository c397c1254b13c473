# common TypeError messages for binary operations
for f in (lambda: 1 + 'a', lambda: 'a' - 'b', lambda: [] * [], lambda: None + 1, lambda: -'a', lambda: len(5), lambda: 1 < 'a'):
    try:
        f()
    except TypeError as e:
        print(e)
