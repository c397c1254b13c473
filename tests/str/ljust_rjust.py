# str.ljust / rjust with fill and widths smaller than len
print(repr('ab'.ljust(5)), repr('ab'.rjust(5)), repr('ab'.ljust(5, '.')), repr('ab'.rjust(5, 'é')))
print(repr('abc'.ljust(1)), repr('abc'.rjust(-3)))
try:
    'a'.ljust(3, '')
except TypeError as e:
    print(type(e).__name__, e)
