# insert with negative indices
l = [1, 2, 3]
l.insert(-1, 'a'); l.insert(-10, 'b'); l.insert(10, 'c')
print(l)
