# tuples cannot be modified
t = (1, 2)
try:
    t[0] = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    t.append(3)
except AttributeError as e:
    print(type(e).__name__, e)
