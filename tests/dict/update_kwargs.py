# update forms and ** unpacking
d = {'a': 1}
d.update(b=2)
print({**d, 'c': 3}, dict(**d), d)
try:
    d.update(1)
except TypeError as e:
    print(type(e).__name__)
