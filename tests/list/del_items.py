# del by index and slice
l = list(range(6))
del l[0]; del l[-1]; print(l)
try:
    del l[10]
except IndexError as e:
    print(type(e).__name__, e)
