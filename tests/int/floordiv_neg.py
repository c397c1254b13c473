# floor division and modulo with negative operands, small and big
for a in (7, -7, 10**20 + 3, -(10**20 + 3)):
    for b in (3, -3, 10**10 + 1, -(10**10 + 1)):
        print(a // b, a % b, divmod(a, b))
