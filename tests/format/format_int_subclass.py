# format of bool/int subclasses and int with float types
class I(int):
    pass
print(format(I(5), '03'), f'{I(7):b}', format(True, 'x'), format(2**100, ',.2e'))
