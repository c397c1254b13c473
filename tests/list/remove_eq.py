# remove uses == (1 == 1.0)
l = [1.0, 2, 3]
l.remove(1)
print(l, [1, 2].index(2.0), [True].count(1))
