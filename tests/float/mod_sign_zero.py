# % result sign for zeros
print(0.0 % -1.0, -0.0 % 1.0, 3.0 % -3.0, -3.0 % 3.0)
