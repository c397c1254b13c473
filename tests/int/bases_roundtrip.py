# int(str, base) round-trips with format in every base for big values
n = 3**200
for b in (2, 8, 16):
    s = format(n, {2: 'b', 8: 'o', 16: 'x'}[b])
    print(b, int(s, b) == n, len(s))
print(int('z' * 20, 36) == 36**20 - 1)
