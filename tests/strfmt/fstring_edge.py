# f-string edge cases
x = 10
print(f'{x}{x}', f'{x!r:>5}', f'{"nested {x}"}', f'{x:{"<" if x else ">"}5}|', f'{x:>{x // 2}}')
print(f'{"a" "b"}', f'{{}}{x}{{x}}', f'{3.0:g}', f'{[1, 2][-1]}', f'{ {"k": 1}["k"] }')
print(f'{x,}', f'{(x, x)}', f'{x if x > 5 else 0}', f'{-x:+}', f'{x:#06x}', f'{"é":^5}|')
d = {'key': 'val'}
print(f"{d['key']}", f'{d["key"]:>6}', f'{len(d)=}', f'{x = :5}|')
name = 'w'
width = 6
print(f'{name!r:^{width}}', f'{"":-<{width}}', f'{3.14159:.{2}f}')
print(f'{x:b}{x:o}{x:x}{x:X}{x:e}', F'{x}', rf'\{x}', f'\t{x}\n', end='')
print()
print(f'{"multi" + chr(10) + "line"}')
