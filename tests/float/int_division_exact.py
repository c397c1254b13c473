# true division of big ints that are not exactly representable
print((10**30 + 1) / 10**15, 2**1000 / 2**999, (2**53 + 1) / 1, 1 / 3 == (10**20) / (3 * 10**20))
