# concatenation and repetition
print('ab' * 3, 3 * 'ab', repr('ab' * 0), repr('ab' * -2), 'é' * 2 + 'x')
try:
    'a' + 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    'a' * 1.5
except TypeError as e:
    print(type(e).__name__, e)
