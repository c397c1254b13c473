# tuples
t = (1, 'a', 2.5, None)
print(t, len(t), t[1], t[-1], t[1:3], t[::-1], (1,), (), tuple(), tuple([1, 2]), tuple('ab'))
print(t.index('a'), t.count(1), 'a' in t, (1, 2) + (3,), (1, 2) * 2)
print((1, 2) < (1, 3), (1, 2) == (1, 2), (1,) < (1, 0), (2,) > (1, 9))
x = 1, 2
print(x, type(x).__name__)
print(hash((1, 2)) == hash((1, 2)))
try:
    t[0] = 5
except TypeError as e:
    print(e)
try:
    t[10]
except IndexError as e:
    print(e)
try:
    hash(([],))
except TypeError as e:
    print(e)
