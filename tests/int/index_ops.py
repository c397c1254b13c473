# ints as sequence indices, including big ones raising IndexError
l = [1, 2, 3]
print(l[True], 'abc'[-1])
try:
    l[2**70]
except IndexError as e:
    print(type(e).__name__, e)
try:
    l['a']
except TypeError as e:
    print(type(e).__name__, e)
