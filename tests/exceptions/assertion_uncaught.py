# uncaught AssertionError with a message
x = 2
assert x == 2
print('first assert ok')
assert x == 3, 'x should be 3, got %d' % x
