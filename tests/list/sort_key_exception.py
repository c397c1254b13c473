# exceptions from the key function propagate
def k(x):
    if x == 3:
        raise KeyError('bad')
    return x
try:
    sorted([1, 2, 3], key=k)
except KeyError as e:
    print(type(e).__name__, e)
