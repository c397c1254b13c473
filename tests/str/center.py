# str.center with default and explicit fill, odd padding, errors
print(repr('ab'.center(7)))
print(repr('ab'.center(6, '*')))
print(repr('abc'.center(6, '-')))
print(repr('abc'.center(2)))
print(repr(''.center(3, 'é')))
try:
    'a'.center(5, 'ab')
except TypeError as e:
    print(type(e).__name__, e)
