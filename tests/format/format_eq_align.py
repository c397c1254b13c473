# = alignment puts padding after the sign
print(format(-42, '=8'), format(42, '*=+8'), format(-1.5, '=+10.2f'), format(255, '=#10x'))
