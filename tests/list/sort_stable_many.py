# stability with many equal keys
l = [(i % 3, i) for i in range(30)]
l.sort(key=lambda t: t[0])
print(l)
