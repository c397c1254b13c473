# SyntaxError from compile(): type and line number
srcs = [
    'x = (1,',
    'def f(:\n    pass',
    'a = 1\nb = = 2',
    'if True\n    pass',
    'return 5',
    'break',
    'x = 1\n\n\n  y = 2',
    'for x in 1, 2:\npass',
    'def f():\n    nonlocal q',
    'f(x for x in y, 1)',
    '1 = 2',
    'del f()',
    "'unterminated",
    'x = 5 +',
    'class C:\n    def m(self):\n        yield = 1',
    'lambda: (yield)' if False else 'a, b += 1',
    'f(a=1, a=2)',
    'def g(a, a): pass',
    'continue',
    'x +* 2',
]
for s in srcs:
    try:
        compile(s, 'snippet.py', 'exec')
        print('compiled?!', repr(s))
    except SyntaxError as e:
        print(type(e).__name__, e.lineno)
