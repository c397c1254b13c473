# format of bool and None
print(format(True), format(True, 'd'), format(False, '>5'), f'{None}', f'{None!r:>6}', format(True, '.1f'))
