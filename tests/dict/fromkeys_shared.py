# fromkeys shares the value object
d = dict.fromkeys('ab', [])
d['a'].append(1)
print(d)
