# format specs for ints: fill, align, sign, width, grouping, bases
n = 123456
for spec in ['', 'd', '10', '<10', '>10', '^10', '=10', '+', '-', ' ', '010', ',', '_', '_x', '#x', '#X', '#o', '#b',
             '*>12,', 'x', 'b', 'o', 'c', 'e', 'f', 'g', '%', '012,', '+,']:
    print(repr(spec), repr(format(n if spec != 'c' else 65, spec)))
print(format(-42, '=+8'), format(-42, '08'), format(-42, '^8'), format(0, '#x'), format(-255, '#x'))
