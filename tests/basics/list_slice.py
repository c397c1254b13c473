# list slice read, assign, delete, step
a = list(range(10))
print(a[2:8:2], a[::-2], a[-3:], a[:-7], a[8:2:-1], a[100:], a[-100:2])
a[2:4] = ['x', 'y', 'z']
print(a)
a[1:1] = [9, 9]
print(a)
a[::2] = range(len(a[::2]))
print(a)
del a[::3]
print(a)
del a[1:3]
print(a)
a[:] = []
print(a)
b = [1, 2, 3, 4]
try:
    b[::2] = [1]
except ValueError as e:
    print(e)
b[-1:] = 'ab'
print(b)
