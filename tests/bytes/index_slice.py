# indexing gives ints, slicing gives bytes
b = b'hello'
print(b[0], b[-1], b[1:3], b[::-1], b[::2], b[10:], type(b[1:2]).__name__)
try:
    b[5]
except IndexError as e:
    print(type(e).__name__, e)
