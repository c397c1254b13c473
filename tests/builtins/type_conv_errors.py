# type errors from builtins receiving wrong types
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: len(5))
t(lambda: abs(None))
t(lambda: sorted([1, None]))
t(lambda: sum(5))
t(lambda: max(5))
t(lambda: range('a'))
t(lambda: enumerate(1))
t(lambda: iter(None))
t(lambda: chr(1.5))
t(lambda: list(range(3))[1.0])
t(lambda: 'abc'[None:2])
t(lambda: isinstance(1, 'int'))
