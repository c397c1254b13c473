# a generator expression as the sole argument needs no extra parentheses
print(sum(x for x in range(5)), sorted(x % 3 for x in range(6)), ''.join(c for c in 'abc' if c != 'b'))
print(max((x for x in [3, 9, 2]), default=0), list(zip((i for i in 'ab'), (j for j in 'cd'))))
