# in / not in for str
print('' in 'abc', 'bc' in 'abc', 'x' in 'abc', 'é' in 'café', 'abc' in 'ab', '' in '')
try:
    1 in 'abc'
except TypeError as e:
    print(type(e).__name__, e)
