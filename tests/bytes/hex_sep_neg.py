# hex with negative bytes_per_sep groups from the left
b = bytes(range(1, 8))
print(b.hex(':', 3), b.hex(':', -3), b.hex(' ', 1), b.hex(b'|', 2) if False else '', b.hex('-', -2))
