# zero padding with sign and alternate form
print(format(-42, '08'), format(42, '08x'), format(-3.5, '010.2f'), format(255, '#012_b'), format(5, '03'), format(-1, '0=5'))
