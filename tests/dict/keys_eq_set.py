# views compare with sets
d = {1: 'a', 2: 'b'}
print(d.keys() == {1, 2}, d.keys() < {1, 2, 3}, d.keys() >= {1}, d.items() == {(1, 'a'), (2, 'b')})
