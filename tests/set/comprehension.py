# set comprehension
print(sorted({x % 5 for x in range(100)}), sorted({c for c in 'mississippi'}))
