# range len, index, count, reversal
r = range(1, 20, 3)
print(list(r), len(r), r[0], r[-1], r.index(7), r.count(7), r.count(8), 19 in r, 20 in r, list(reversed(r)))
print(len(range(0)), len(range(5, 0)), len(range(5, 0, -1)), list(range(5, 0, -2)))
