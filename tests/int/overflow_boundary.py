# arithmetic across the small/big boundary stays exact
a = 2**62 - 1
print(a + 1, a * 2, (a + 1) - 1, -a - 2, a * a, (a * a) // a, 2**63 // 2**62)
x = 1
for i in range(100):
    x *= 3
print(x, x % 1000007)
