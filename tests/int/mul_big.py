# big multiplication and division consistency
a = 3**500 + 17
b = 7**300 - 5
q, r = divmod(a * b + 12345, b)
print(q == a, r, (a * b) % a)
