# chained comparisons evaluate each operand once, short-circuit
def v(x):
    print('eval', x)
    return x
print(v(1) < v(2) < v(3))
print(v(3) < v(2) < v(1))
print(1 < 2 > 1 == 1 != 2 >= 2 <= 3)
x = 5
print(0 < x < 10, 0 < x < 3, 1 == 1 in [1], 'a' < 'b' in ['b'])
print(1 is not None is not False)
a = [1]
print(1 in a in [[1]], 2 not in a not in [])
