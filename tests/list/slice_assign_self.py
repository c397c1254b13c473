# slice assignment from itself
l = [1, 2, 3]
l[1:] = l
print(l)
l[::-1] = l
print(l)
