# reversed and enumerate(start=) over lists
l = ['a', 'b', 'c']
print(list(reversed(l)), list(enumerate(l, 1)), list(enumerate(l, start=-2)), list(enumerate([])))
