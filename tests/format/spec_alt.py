# alternate forms
print(format(10, '#b'), format(10, '#o'), format(10, '#x'), format(10, '#X'), format(-10, '#x'), format(1.0, '#'), format(1.0, '#.0e'), format(10, '#010x'))
