# exec and eval with globals/locals dicts
print(eval('1 + 2 * 3'), eval('x * 2', {'x': 21}), eval('[a, b]', {'a': 1}, {'b': 2}))
ns = {}
exec('y = 10\ndef f(n):\n    return n + y\n', ns)
print(ns['y'], ns['f'](5))
x = 5
exec('x = x + 1')
print(x)
print(eval('len("abc")'), eval('  3  '), eval('(lambda q: q * 3)(2)'))
exec('for i in range(3): print(i, end=" ")')
print()
loc = {}
exec('z = 1', {}, loc)
print(loc)
print(exec('1'), type(eval('None')).__name__)
code = compile('a + 1', '<str>', 'eval')
print(eval(code, {'a': 41}))
code2 = compile('print("compiled exec")', '<str>', 'exec')
exec(code2)
for bad in ['1 +', 'def', 'x = ']:
    try:
        eval(bad)
    except SyntaxError as e:
        print('SyntaxError')
try:
    eval('x = 1')
except SyntaxError:
    print('assignment is not an expression')
try:
    eval('undefined_zz')
except NameError as e:
    print(e)
