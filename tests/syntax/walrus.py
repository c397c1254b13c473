# assignment expressions
if (n := 10) > 5:
    print('n is', n)
data = [1, 2, 3, 4, 5]
print([y for x in data if (y := x * x) > 4])
print(y)
i = 0
while (i := i + 1) < 4:
    print(i)
print((a := 1) + (b := 2), a, b)
def f():
    [z := k for k in range(3)]
    return z
print(f())
