# many insertions and deletions keep consistency
d = {}
for i in range(20000):
    d[i] = i * 2
for i in range(0, 20000, 2):
    del d[i]
print(len(d), d[19999], sum(d.values()), 4 in d, 5 in d)
