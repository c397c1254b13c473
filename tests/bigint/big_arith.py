# arbitrary-precision arithmetic
a = 2 ** 100
b = 3 ** 70
print(a, b, a + b, a - b, b - a, a * b)
print(a // 7, a % 7, -a // 7, -a % 7, divmod(b, a), divmod(-b, a))
print(a // -b, a % -b, (a * b) // b == a, a ** 3)
print(-a, abs(-a), +a, a == 2 ** 100, a != a + 1, a > b, a < -b)
print(10 ** 50 + 1, 10 ** 50 - 1, (10 ** 50) // (10 ** 25), 10 ** 50 / 10 ** 48)
x = 1
for i in range(1, 40):
    x *= i
print(x)
print(sum(range(10 ** 6, 10 ** 6 + 100)) * 10 ** 30)
