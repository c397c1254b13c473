# input() at end of input raises EOFError (the runner gives tests no stdin)
try:
    s = input()
    print('read', repr(s))
except EOFError:
    print('EOFError')
