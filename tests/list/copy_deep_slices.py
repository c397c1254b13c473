# slices are shallow copies
a = [[1], [2]]
b = a[:]
b[0].append(9); b[1] = 'x'
print(a, b, a[::-1][0] is a[1])
