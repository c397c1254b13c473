# simple statements on one line, compound on one line, line continuation, comments
a = 1; b = 2; print(a + b)
if a: print('one-line if')
for i in range(2): print(i)
while a < 3: a += 1
print(a)
x = (1 +
     2 +
     3)
y = [1,
     2,  # trailing comment
     3,
]
z = 1 + \
    2
print(x, y, z)
def f(a,
      b=2,
      ): return a + b
print(f(1,
        ))
class K: v = 3; w = v + 1
print(K.w)
