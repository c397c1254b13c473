# accumulating into big ints in loops (exercises allocation on the hot path)
fib = [0, 1]
for i in range(300):
    fib.append(fib[-1] + fib[-2])
print(fib[-1], len(str(fib[-1])))
acc = 0
for i in range(1000):
    acc = acc * 3 + i
print(acc % 10 ** 20, acc.bit_length())
x = 10 ** 100
while x > 1:
    x //= 7
print(x)
