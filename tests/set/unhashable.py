# unhashable elements
try:
    {[1]}
except TypeError as e:
    print(type(e).__name__, e)
try:
    set([{}])
except TypeError as e:
    print(type(e).__name__, e)
