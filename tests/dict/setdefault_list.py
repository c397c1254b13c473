# grouping with setdefault
g = {}
for w in 'apple avocado banana blueberry cherry'.split():
    g.setdefault(w[0], []).append(w)
print(g)
