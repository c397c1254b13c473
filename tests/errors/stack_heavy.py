# nested data structures deep enough to stress C recursion but within limits
x = 0
for i in range(200):
    x = (x,)
print(len(repr(x)), x == x)
l = []
for i in range(200):
    l = [l, i]
print(str(l).count('['))
d = {}
for i in range(200):
    d = {'k': d}
print(len(str(d)), hash(str(d)) == hash(str(d)))
