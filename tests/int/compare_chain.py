# chained comparisons across ints, floats and big ints
a = 10**20
print(1 < 2.5 < a < float('inf'), -a < -1 <= -1.0 < 0, a == a * 1.0, a + 1 > a * 1.0)
