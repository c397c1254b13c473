# sum of big ints and negatives
print(sum(range(10**6)), sum([10**20] * 5), sum([-1, 2**64, -2**64]))
