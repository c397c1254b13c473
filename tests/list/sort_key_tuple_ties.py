# sorting with tuple keys and mixed int/float
data = [(2, 'b'), (1.0, 'z'), (1, 'a'), (2.0, 'a')]
print(sorted(data), sorted(data, key=lambda t: t[0]))
