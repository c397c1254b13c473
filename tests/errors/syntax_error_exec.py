# SyntaxError from exec() and eval(), with attributes
try:
    exec('x = 1\ny = (2\nz = 3')
except SyntaxError as e:
    print(type(e).__name__, e.lineno, e.filename)
try:
    eval('1 +')
except SyntaxError as e:
    print(type(e).__name__, e.lineno)
try:
    exec('def f():\n        return 1\n    return 2')
except SyntaxError as e:
    print(type(e).__name__, e.lineno, isinstance(e, SyntaxError))
try:
    exec('if 1:\nprint(2)')
except IndentationError as e:
    print(type(e).__name__, e.lineno)
try:
    exec('  x = 1')
except IndentationError as e:
    print(type(e).__name__, e.lineno)
