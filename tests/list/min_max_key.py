# min/max with key and default
l = ['bb', 'a', 'ccc']
print(min(l), max(l), min(l, key=len), max(l, key=len), max([], default=0), min(3, 1, 2))
try:
    max([])
except ValueError as e:
    print(type(e).__name__, e)
