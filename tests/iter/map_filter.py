# map with several iterables, filter with None
print(list(map(pow, [2, 3], [3, 2])), list(filter(None, [0, 1, '', 'a', None])), list(map(str, range(3))))
