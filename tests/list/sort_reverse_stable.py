# reverse=True keeps equal elements in original order
l = [(1, 'a'), (0, 'b'), (1, 'c'), (0, 'd')]
print(sorted(l, key=lambda t: t[0], reverse=True))
