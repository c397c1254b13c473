# remove/pop errors
s = set()
try:
    s.remove(1)
except KeyError as e:
    print(type(e).__name__, e)
try:
    s.pop()
except KeyError as e:
    print(type(e).__name__, e)
