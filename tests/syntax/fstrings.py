# f-strings: expressions, conversions, format specs, nested fields
name, n, f = 'adder', 42, 3.14159
print(f'{name} {n} {f}')
print(f'{name!r} {name!s} {"é"!a} {n!r}')
print(f'{n:5d}|{n:<5}|{n:^5}|{n:>5}|{n:05}|{n:x}|{n:#x}|{n:#o}|{n:b}|{n:,}')
print(f'{f:.2f}|{f:10.3f}|{f:e}|{f:g}|{f:%}|{-f:+.1f}|{f:+.1f}')
w, p = 10, 3
print(f'{f:{w}.{p}f}|{name:>{w}}|{name:*^{w}}')
print(f'{{literal}} {n}{{}}')
print(f'{n + 1} {[1, 2][0]} {"x" * 3} {len(name)} {name.upper()}')
print(f'{n=} {name = }')
d = {'k': 'v'}
print(f"{d['k']} {'nested ' + f'{n}'}")
print(f'{3 if n else 4} {(lambda: 5)()}')
print(f'''multi
{name}''', F'upper {n}', rf'raw\n{n}', fr'{n}\t')
print(f'{None} {True} {[1, "a"]!r} {(1,)}')
class C:
    def __format__(self, spec):
        return 'C(' + spec + ')'
print(f'{C()} {C():abc}'.replace('<__main__.C object at', '<C'))
