# // % ** with bool operands
print(True // True, False % 3, True ** 10, 5 // True, divmod(True, 2))
