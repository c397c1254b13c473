# del of a missing key
d = {1: 2}
try:
    del d[3]
except KeyError as e:
    print(type(e).__name__, e)
