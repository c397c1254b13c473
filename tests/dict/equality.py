# dict equality ignores order; values compared
print({1: 2, 3: 4} == {3: 4, 1: 2}, {1: 2} == {1: 2.0}, {1: 2} != {1: 3}, {} == {})
try:
    {} < {}
except TypeError as e:
    print(type(e).__name__, e)
