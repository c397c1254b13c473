# int literal forms, with underscores
print(0, 00, 0_0, 7, 1_000_000)
print(0x1f, 0X1F, 0x_ff, 0xdead_beef)
print(0o17, 0O17, 0o_7_7)
print(0b1010, 0B1010, 0b_1111_0000)
print(-0x10, +0b11, ~0o7)
print(type(10), type(0x10))
