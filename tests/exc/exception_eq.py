# exceptions are compared by identity, args are tuples
a = ValueError(1)
print(a == ValueError(1), a == a, isinstance(a.args, tuple))
