# update and union with several argument kinds
s = set()
s.update('ab', [1], {2: 0}, range(3, 5))
print(sorted(map(str, s)))
print(sorted(set().union(*[[1], [2, 3], ()])))
