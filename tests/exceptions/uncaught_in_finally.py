# finally runs before an uncaught exception terminates the program
try:
    print('try')
    raise TypeError('boom')
finally:
    print('finally still runs')
