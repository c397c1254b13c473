# str.partition / rpartition
for s in ['a=b=c', 'abc', '', '=x', 'x=']:
    print(s.partition('='), s.rpartition('='))
try:
    'a'.partition('')
except ValueError as e:
    print(type(e).__name__, e)
