# str.format positional, keyword, auto numbering, attributes and items
class P:
    x = 3
print('{} {} {}'.format(1, 2, 3), '{1} {0} {1}'.format('a', 'b'), '{name}!'.format(name='n'), '{0.x} {1[1]} {2[k]}'.format(P(), [5, 6], {'k': 'v'}))
print('{{}} {{{0}}}'.format(7), '{:>{w}}'.format('x', w=4), '{0:{1}.{2}f}'.format(3.14159, 8, 2))
