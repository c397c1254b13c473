# pow with negative base and modulus sign
print(pow(-2, 3, 5), pow(2, 3, -5), pow(-2, 3, -5), pow(7, 0, 1), pow(0, 0, 3), (-7) % 3, 7 % -3)
print(pow(38, -1, 97), pow(-38, -1, 97), pow(2**100, -1, 3**50))
