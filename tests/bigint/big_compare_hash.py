# comparing and hashing bigints against ints and floats
big = 2 ** 70
print(big == 2 ** 70, big == float(big), big < float('inf'), -big > float('-inf'), big > 1e20, big < 1e22)
print(hash(big) == hash(2 ** 70), hash(2 ** 70) == hash(float(2 ** 70)), hash(-big) == hash(-(2 ** 70)))
d = {big: 'big', 1: 'one'}
print(d[2 ** 70], d[float(2 ** 70)], big in {2 ** 70}, sorted([big, -big, 0, 1.5, big - 1]))
print(max(big, big + 1) - big, min(-big, 5))
print(10 ** 20 == 10 ** 20 + 0, 10 ** 20 is not None, (10 ** 20) // 10 ** 19)
