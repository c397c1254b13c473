# builtins as first-class values
fs = [len, str, abs, sorted]
print([f.__name__ for f in fs])
print(list(map(len, ['a', 'bb'])), list(map(str.upper, ['a'])), list(map(int, '123')))
m = max
print(m([1, 5, 2]), (print)('via paren'))
print(callable(len), callable(1), callable(int), callable(lambda: 0))
