# formatting big ints
n = 2**100
print(f'{n:,}', f'{n:_x}', f'{n:>40}', f'{-n:e}', format(n, 'o'))
