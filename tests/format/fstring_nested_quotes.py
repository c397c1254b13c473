# f-strings with nested quotes, format specs from variables and !r
d = {'k': 'v'}
w = 5; p = 2
print(f"{d['k']!r:>{w}}", f'{3.14159:{w}.{p}f}', f'{"nested"}', f'''{'tri'}''', f'{1+1!s:>3}')
