# divmod on big ints with all sign combinations matches // and %
vals = [10**25 + 7, -(10**25 + 7), 3**40, -(3**40), 12345]
for a, b in [(a, b) for a in vals for b in vals]:
    q, r = divmod(a, b)
    assert q * b + r == a and (r == 0 or (r > 0) == (b > 0)), (a, b)
    print(q % 1000, r % 1000, end=' ')
print()
