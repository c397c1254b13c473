# big powers, modular exponentiation, factorials
print(2 ** 1000 % (10 ** 9 + 7), len(str(2 ** 10000)), str(3 ** 200)[:20])
print(pow(3, 10 ** 18, 10 ** 9 + 7), pow(2 ** 100, 2 ** 50, 2 ** 61 - 1), pow(-5, 3, 7), pow(5, -1, 97))
f = 1
for i in range(2, 101):
    f *= i
print(f, len(str(f)), f % (2 ** 64))
print((-2) ** 101, (-3) ** 60)
