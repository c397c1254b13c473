# round float with negative ndigits
print(round(1234.5, -2), round(1250.0, -2), round(1350.0, -2), round(-1550.0, -2), round(5e15 + 0.5, -1))
