# popping every element empties the set
s = set(range(100))
total = 0
while s:
    total += s.pop()
print(total, len(s))
