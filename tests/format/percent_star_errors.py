# * width must be an int; too few args
try:
    '%*d' % ('x', 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    '%d %d' % (1,)
except TypeError as e:
    print(type(e).__name__, e)
print('%-*s|' % (4, 'a'), '%.*s|' % (2, 'abc'))
