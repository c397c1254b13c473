# subnormal values survive repr and arithmetic
x = 5e-324
print(x, x / 2, x * 2, 2.2250738585072014e-308 / 2, x > 0)
