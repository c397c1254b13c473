# big division and modulo with every sign combination
vals = [10 ** 30 + 7, -(10 ** 30 + 7), 12345678901234567, -98765432109876543210, 3, -7]
for a in vals[:4]:
    for b in vals:
        q, r = divmod(a, b)
        assert q * b + r == a
        print(q, r, a // b == q, a % b == r)
print((10 ** 40) / (10 ** 20), (2 ** 100) / 3, 7 / (2 ** 80))
try:
    (10 ** 30) // 0
except ZeroDivisionError as e:
    print(e)
