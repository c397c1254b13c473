# chained and multiple assignment
a = b = c = 5
print(a, b, c)
x = y = []
x.append(1)
print(y)
a, b = 1, 2
a, b = b, a
print(a, b)
a, (b, c) = 1, (2, 3)
print(a, b, c)
[d, e] = 'xy'
print(d, e)
i = 0
lst = [0, 0, 0]
i, lst[i] = 1, 9
print(i, lst)
p = q = r = (1, 2)
print(p is r)
