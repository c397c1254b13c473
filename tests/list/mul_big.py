# repetition of lists and memory
l = [0] * 100000
print(len(l), sum(l), len([[]] * 3))
try:
    [1] * (2**62)
except (MemoryError, OverflowError) as e:
    print('err')
