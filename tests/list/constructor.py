# list() from various iterables
print(list(), list('ab'), list(range(3)), list((1, 2)), list({1: 'a'}), list(x * 2 for x in range(3)), list(b'ab'))
try:
    list(1)
except TypeError as e:
    print(type(e).__name__, e)
