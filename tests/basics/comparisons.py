# comparison of mixed types and identity
print([1, 2] == (1, 2), 'a' == b'a', None == False, 1 == '1')
a = [1]
b = a
c = [1]
print(a is b, a is c, a == c, a is not c)
print((1, 'a') < (1, 'b'), [1, [2, 3]] < [1, [2, 4]], 'abc' < 'abd' < 'b')
for x, y in [(1, 'a'), ([1], (1,)), ({1}, 1)]:
    try:
        print(x < y)
    except TypeError as e:
        print(e)
print({1, 2} == {2, 1}, {1: 2} == {1: 2}, {'a': 1} != {'a': 2})
print(float('nan') == float('nan'), float('nan') != float('nan'))
n = float('nan')
print([n] == [n], n in [n])
