# sum of floats and ints, with start values
print(sum([0.1] * 10), sum([1, 2.5]), sum(range(10), 0.5), sum([2 ** 64, 1, -1]), sum([], 7), sum([[1], [2]], start=[0]))
print(sum((1, 2, 3)), sum({1: 'a', 2: 'b'}), sum(x / 2 for x in range(4)))
