# repr round-trips for many deterministic values
x = 0.1
ok = 0
for i in range(2000):
    x = (x * 1103515245.0 + 12345.0) % 2147483648.0 / 7.3
    ok += float(repr(x)) == x and float(str(x * 1e-200)) == x * 1e-200
print(ok)
