# dict.fromkeys
print(dict.fromkeys('abc'), dict.fromkeys([1, 2], 0), dict.fromkeys([]))
