# len on every sized type
print(len(''), len('abc'), len('日本'), len(b'ab'), len(bytearray(3)), len([1]), len((1, 2)))
print(len({}), len({1: 2}), len(set()), len({1, 2}), len(frozenset('aab')), len(range(10)), len(range(5, 0, -2)))
print(len({}.keys()), len({1: 1}.items()))
for bad in [5, None, iter([]), len]:
    try:
        len(bad)
    except TypeError as e:
        print(e)
