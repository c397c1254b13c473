# dict() forms
print(dict(), dict(a=1), dict([(1, 2), (3, 4)]), dict({'x': 1}, y=2), dict(zip('ab', range(2))))
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print(type(e).__name__, e)
try:
    dict([1])
except TypeError as e:
    print(type(e).__name__, e)
