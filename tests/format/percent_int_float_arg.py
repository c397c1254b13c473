# %d with floats truncates, %x with floats fails
print('%d %i' % (3.99, -2.5))
try:
    '%x' % 3.5
except TypeError as e:
    print(type(e).__name__, e)
