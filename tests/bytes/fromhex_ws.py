# bytes.fromhex skips whitespace between pairs
print(bytes.fromhex(' 0a 0B\t0c '))
