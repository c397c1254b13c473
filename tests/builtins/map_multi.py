# map with several iterables and builtins as the function
print(list(map(max, [1, 5], [4, 2], [3, 3])), list(map(divmod, [7, 8], [2, 3])))
print(list(map(str.join, ['-', '+'], ['ab', 'cd'])), list(map(len, ('a', [1, 2], {}))))
print(list(map(lambda *a: sum(a), range(3), range(3), range(3))))
