# modulo corner cases
print(-1e-20 % 1.0, 1e-20 % -1.0, 5.0 % float('inf'), -5.0 % float('inf'), 6.0 % 3.0, -6.0 % 3.0)
