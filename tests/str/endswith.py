# str.endswith / startswith with tuples and ranges
s = 'hello.py'
print(s.endswith('.py'), s.endswith(('.c', '.py')), s.endswith('hello', 0, 5), s.endswith(''))
print(s.startswith('he'), s.startswith(('x', 'h')), s.startswith('llo', 2), s.startswith('', 8), s.startswith('', 9))
print(s.endswith('py', -2), s.startswith('o', -4, -3))
try:
    s.startswith(['h'])
except TypeError as e:
    print(type(e).__name__, e)
