# integer arithmetic operators and their signs
for a, b in [(7, 3), (-7, 3), (7, -3), (-7, -3), (0, 5)]:
    print(a, b, a + b, a - b, a * b, a // b, a % b, divmod(a, b), a ** 2)
print(2 ** 10, 2 ** 0, (-2) ** 3, -2 ** 2)
print(7 / 2, -7 / 2, 6 / 3, type(6 / 3))
print(1 + 2 * 3 - 4 // 2)
print(abs(-5), -(-5), +5)
