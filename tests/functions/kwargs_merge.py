# passing keyword arguments through and calling with dicts
def inner(a, b=0, **rest):
    return a, b, rest
def outer(*args, **kwargs):
    return inner(*args, **kwargs)
print(outer(1), outer(1, 2), outer(a=1, c=3), outer(1, b=2, z=9))
opts = {'sep': '-', 'end': '!\n'}
print('x', 'y', **opts)
def kw(**k):
    k['added'] = 1
    return k
d = {'a': 0}
print(kw(**d), d)
