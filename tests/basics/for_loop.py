# for loops over many iterables, with else, break, continue, nested
for x in [1, 2, 3]:
    print(x, end=' ')
print()
for k in {'a': 1, 'b': 2}:
    print(k, end=' ')
print()
for c in 'xyz':
    if c == 'y':
        continue
    print(c)
for i in range(5):
    if i == 3:
        break
else:
    print('not printed')
for i in []:
    pass
else:
    print('empty else')
for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    print(i, a, b)
for i in range(3):
    for j in range(3):
        if j == 1:
            break
        print(i, j)
for x in range(3):
    pass
print(x)
