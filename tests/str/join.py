# str.join with lists, generators, empty and type errors
print(repr(','.join(['a', 'b', 'c'])), repr(''.join([])), repr('-'.join('xyz')))
print(repr(', '.join(str(i) for i in range(4))), repr('é'.join(['a', 'b'])))
try:
    ','.join(['a', 1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    ','.join(5)
except TypeError as e:
    print(type(e).__name__, e)
