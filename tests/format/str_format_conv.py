# !r !s !a conversions
print('{!r} {!s} {!a} {0!r:>8}'.format('é', 'é', 'é'))
