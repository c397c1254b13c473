# list indexing errors
l = [1, 2, 3]
print(l[-1], l[-3])
for i in (3, -4):
    try:
        l[i]
    except IndexError as e:
        print(type(e).__name__, e)
try:
    l[1] = l[5]
except IndexError as e:
    print(type(e).__name__, e)
try:
    l[5] = 1
except IndexError as e:
    print(type(e).__name__, e)
