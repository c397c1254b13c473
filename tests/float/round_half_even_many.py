# round to ndigits uses the exact binary value
for v in (0.5, 1.5, 2.5, 0.15, 0.25, 0.35, 0.45, 2.675, 5.015, 1234.5678):
    print(round(v, 1), round(v, 2), round(v))
