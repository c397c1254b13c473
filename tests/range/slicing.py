# slicing a range gives a range
r = range(0, 100, 5)
print(r[2:5], r[::-1], r[::3], r[-3:], r[5:1:-2], list(r[1:4]))
