# in with floats and non-numbers
r = range(10)
print(3.0 in r, 3.5 in r, 'a' in r, True in r)
