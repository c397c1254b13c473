# compile() modes
c = compile('x = 3\ny = x * 2', 'mod', 'exec')
ns = {}
exec(c, ns)
print(ns['y'], type(c).__name__)
e = compile('2 ** 8', 'expr', 'eval')
print(eval(e))
s = compile('1 + 1', 'single', 'single')
exec(s)
try:
    compile('x', 'f', 'badmode')
except ValueError as err:
    print(err)
try:
    compile('if', 'f.py', 'exec')
except SyntaxError as err:
    print('SyntaxError', err.filename, err.lineno)
