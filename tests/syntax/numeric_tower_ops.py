# mixed-type arithmetic: bool, int, float, big int
vals = [True, 3, -2, 2.5, 2 ** 65]
for a in vals:
    row = []
    for b in vals:
        row.append((a + b, a - b, a * b))
    print(row)
print([type(x).__name__ for x in (True + True, True + 1.0, 3 // 2, 3 / 1, 2 ** 65 // 2.0)])
