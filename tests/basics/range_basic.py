# range objects
print(range(5), range(1, 5), range(1, 10, 2), list(range(5)), list(range(5, 0, -1)), list(range(0)))
r = range(0, 20, 3)
print(len(r), r[2], r[-1], r[1:3], list(r[::-1]), 9 in r, 10 in r, r.index(9), r.count(3))
print(range(3) == range(0, 3), range(0) == range(5, 5), list(range(-5, -1)), list(range(10, 0, -3)))
print(r.start, r.stop, r.step, len(range(10 ** 12)), range(10 ** 12)[-1])
try:
    range(1, 5, 0)
except ValueError as e:
    print(e)
try:
    range(3)[5]
except IndexError as e:
    print(e)
try:
    range(1.5)
except TypeError as e:
    print(e)
