# exception instances can be stored and re-raised later
saved = []
for i in range(3):
    try:
        raise ValueError(i)
    except ValueError as e:
        saved.append(e)
try:
    raise saved[1]
except ValueError as e:
    print(e, e is saved[1])
