# type errors from str methods with wrong argument types
for f in (lambda: 'a'.find(1), lambda: 'a'.replace(1, 'b'), lambda: 'a'.split(1), lambda: 'a'.strip(1), lambda: 'a'.count(None)):
    try:
        f()
    except TypeError as e:
        print(type(e).__name__)
