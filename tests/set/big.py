# many elements and removals
s = set(range(10000))
for i in range(0, 10000, 3):
    s.discard(i)
print(len(s), 3 in s, 4 in s, sum(s))
