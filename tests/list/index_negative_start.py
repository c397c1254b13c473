# list slicing with huge and negative indices
l = list(range(5))
print(l[-10:10], l[3:-10:-1], l[10:-10:-1], l[-2:-1], l[2**70 if False else 100:])
