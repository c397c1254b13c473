# bitwise operations on big and negative big ints
a = (1 << 100) | 0xff
b = (1 << 90) - 1
print(a & b, a | b, a ^ b, ~a, -a & b, -a | 3, -a ^ -b, ~-a)
print(a >> 50, a >> 200, -a >> 50, -a >> 200, 1 << 130, (-1) << 70, a << 3)
print((2 ** 100).bit_length(), (-(2 ** 100)).bit_length(), (2 ** 100 - 1).bit_length())
print(hex(a), oct(b), bin(1 << 70), hex(-a))
